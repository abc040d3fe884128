package dev.faultline.application.intake;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.intake.port.in.GetIssueHistory;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.MemberScope;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.IssueId;
import java.time.Clock;

/**
 * Gathers an issue's grouping, tallies, recent daily counts and activity for a member of its application, in one
 * unit of work (one connection, one view).
 */
public class GetIssueHistoryService implements GetIssueHistory {
    private final MemberScope scope;
    private final IssueHistoryReader history;
    private final Transactions transactions;

    public GetIssueHistoryService(Issues issues, Memberships memberships, IssueGroupings groupings,
            IssueTallies tallies, IssueActivities activities, Users users, Transactions transactions, Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.history = new IssueHistoryReader(groupings, tallies, activities, users, clock);
        this.transactions = transactions;
    }

    @Override
    public Outcome getIssueHistory(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> find(command));
    }

    private Outcome find(Command command) {
        IssueId id = command.issueId();
        if (scope.visibleIssue(command.actor().user(), id).isEmpty()) {
            return new Outcome.NotFound(id);
        }
        return new Outcome.Found(history.read(id));
    }
}
