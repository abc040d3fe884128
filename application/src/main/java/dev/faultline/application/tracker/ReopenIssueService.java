package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.ReopenIssue;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.util.Optional;

/** Reopens (or unmutes) an issue of one of the actor's applications. */
public class ReopenIssueService implements ReopenIssue {
    private final MemberScope scope;
    private final Issues issues;
    private final Transactions transactions;
    private final Clock clock;

    public ReopenIssueService(Issues issues, Memberships memberships, Transactions transactions, Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.issues = issues;
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
            return issue.get().reopen(clock.instant()).<Outcome>fold(
                    reopened -> {
                        issues.update(reopened.issue());
                        return new Outcome.Reopened(reopened.issue());
                    },
                    already -> new Outcome.AlreadyUnresolved(already.issue()));
        });
    }
}
