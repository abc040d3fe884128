package dev.faultline.application.intake;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.IssueDetailsReader;
import dev.faultline.application.tracker.MemberScope;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.Notes;
import java.time.Clock;

/**
 * An issue's details and history for a member of its application: one unit of work (one connection, one view),
 * the issue and the membership read once for both.
 */
public class GetIssueInFullService implements GetIssueInFull {
    private final MemberScope scope;
    private final IssueDetailsReader details;
    private final IssueHistoryReader history;
    private final Transactions transactions;

    public GetIssueInFullService(Issues issues, Memberships memberships, Applications applications, Events events,
            Notes notes, IssueGroupings groupings, IssueTallies tallies, IssueActivities activities, Users users,
            Transactions transactions, Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.details = new IssueDetailsReader(applications, events, notes, clock);
        this.history = new IssueHistoryReader(groupings, tallies, activities, users, clock);
        this.transactions = transactions;
    }

    @Override
    public Outcome getIssueInFull(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> find(command));
    }

    private Outcome find(Command command) {
        return scope.visibleIssue(command.actor().user(), command.issueId())
                .flatMap(details::read)
                .<Outcome>map(found -> new Outcome.Found(new IssueInFull(found, history.read(command.issueId()))))
                .orElseGet(() -> new Outcome.NotFound(command.issueId()));
    }
}
