package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.util.Optional;

/** Gathers one issue's details for a member of its application, in one unit of work (one connection, one view). */
public class GetIssueService implements GetIssue {
    private final MemberScope scope;
    private final Applications applications;
    private final Events events;
    private final Notes notes;
    private final Transactions transactions;
    private final Clock clock;

    public GetIssueService(Issues issues, Memberships memberships, Applications applications, Events events,
            Notes notes, Transactions transactions, Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.applications = applications;
        this.events = events;
        this.notes = notes;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome getIssue(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> find(command));
    }

    private Outcome find(Command command) {
        Optional<Issue> issue = scope.visibleIssue(command.actor().user(), command.issueId());
        Optional<Application> application = issue.flatMap(i -> applications.findById(i.applicationId()));
        if (issue.isEmpty() || application.isEmpty()) {
            return new Outcome.NotFound(command.issueId());
        }
        Events.Recent recent = events.recentOfIssue(command.issueId(), RECENT_EVENTS);
        return new Outcome.Found(new IssueDetails(issue.get().asOf(clock.instant()), application.get(),
                recent.latest(), recent.ids(), notes.listByIssue(command.issueId())));
    }
}
