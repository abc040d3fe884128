package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.Notes;
import java.time.Clock;

/** Gathers one issue's details for a member of its application, in one unit of work (one connection, one view). */
public class GetIssueService implements GetIssue {
    private final MemberScope scope;
    private final IssueDetailsReader details;
    private final Transactions transactions;

    public GetIssueService(Issues issues, Memberships memberships, Applications applications, Events events,
            Notes notes, Transactions transactions, Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.details = new IssueDetailsReader(applications, events, notes, clock);
        this.transactions = transactions;
    }

    @Override
    public Outcome getIssue(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> find(command));
    }

    private Outcome find(Command command) {
        return scope.visibleIssue(command.actor().user(), command.issueId())
                .flatMap(details::read)
                .<Outcome>map(Outcome.Found::new)
                .orElseGet(() -> new Outcome.NotFound(command.issueId()));
    }
}
