package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Resolves an issue of one of the actor's applications. */
public class ResolveIssueService implements ResolveIssue {
    private final MemberScope scope;
    private final Issues issues;
    private final IssueActivities activities;
    private final Transactions transactions;
    private final Clock clock;

    public ResolveIssueService(Issues issues, Memberships memberships, IssueActivities activities, Transactions transactions,
            Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.issues = issues;
        this.activities = activities;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome resolveIssue(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> {
            Optional<Issue> issue = scope.lockedVisibleIssue(command.actor().user(), command.issueId());
            if (issue.isEmpty()) {
                return new Outcome.NotFound(command.issueId());
            }
            Instant now = clock.instant();
            return issue.get().resolve(now).<Outcome>fold(
                    resolved -> {
                        issues.update(resolved.issue());
                        ActivityLog.statusChange(activities, issue.get(), resolved.issue(), command.actor(), now);
                        return new Outcome.Resolved(resolved.issue());
                    },
                    already -> new Outcome.AlreadyResolved(already.issue()));
        });
    }
}
