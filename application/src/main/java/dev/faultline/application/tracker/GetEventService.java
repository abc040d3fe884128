package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.GetEvent;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.util.Optional;

/** Shows one event to a member of its application, in one unit of work (one connection, one view). */
public class GetEventService implements GetEvent {
    private final MemberScope scope;
    private final Events events;
    private final Transactions transactions;
    private final Clock clock;

    public GetEventService(Issues issues, Memberships memberships, Events events, Transactions transactions,
            Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome getEvent(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> find(command));
    }

    private Outcome find(Command command) {
        Optional<Event> event = events.findById(command.eventId());
        Optional<Issue> issue = event.flatMap(e -> scope.visibleIssue(command.actor().user(), e.issueId()));
        if (issue.isEmpty()) {
            return new Outcome.NotFound(command.eventId());
        }
        return new Outcome.Found(event.get(), issue.get().asOf(clock.instant()));
    }
}
