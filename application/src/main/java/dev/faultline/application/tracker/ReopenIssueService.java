package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.ReopenIssue;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Reopens (or unmutes) an issue of one of the actor's applications. */
public class ReopenIssueService implements ReopenIssue {
    private final MemberScope scope;
    private final Issues issues;
    private final IssueActivities activities;
    private final Transactions transactions;
    private final Clock clock;

    public ReopenIssueService(Issues issues, Memberships memberships, IssueActivities activities, Transactions transactions,
            Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.issues = issues;
        this.activities = activities;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome reopenIssue(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> {
            Optional<Issue> issue = scope.lockedVisibleIssue(command.actor().user(), command.issueId());
            if (issue.isEmpty()) {
                return new Outcome.NotFound(command.issueId());
            }
            Instant now = clock.instant();
            return issue.get().reopen(now).<Outcome>fold(
                    reopened -> {
                        issues.update(reopened.issue());
                        ActivityLog.statusChange(activities, issue.get(), reopened.issue(), command.actor(), now);
                        return new Outcome.Reopened(reopened.issue());
                    },
                    already -> new Outcome.AlreadyUnresolved(already.issue()));
        });
    }
}
