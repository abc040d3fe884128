package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.util.Optional;

/** Assigns an issue to a member of its application, or unassigns it. */
public class AssignIssueService implements AssignIssue {
    private final MemberScope scope;
    private final Issues issues;
    private final Memberships memberships;
    private final Transactions transactions;
    private final Clock clock;

    public AssignIssueService(Issues issues, Memberships memberships, Transactions transactions, Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.issues = issues;
        this.memberships = memberships;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome assignIssue(Command command) {
        return transactions.inTransaction(() -> {
            Optional<Issue> found = scope.lockedVisibleIssue(command.actor(), command.issueId());
            if (found.isEmpty()) {
                return new Outcome.NotFound(command.issueId());
            }
            Issue issue = found.get().asOf(clock.instant());
            if (command.assignee().isPresent()
                    && memberships.find(issue.applicationId(), command.assignee().get()).isEmpty()) {
                return new Outcome.AssigneeNotAMember(command.assignee().get());
            }
            Issue.AssignOutcome outcome = issue.assign(command.assignee());
            if (outcome instanceof Issue.AssignOutcome.Unchanged unchanged) {
                return new Outcome.Unchanged(unchanged.issue());
            }
            issues.update(outcome.issue());
            return outcome instanceof Issue.AssignOutcome.Assigned
                    ? new Outcome.Assigned(outcome.issue())
                    : new Outcome.Unassigned(outcome.issue());
        });
    }
}
