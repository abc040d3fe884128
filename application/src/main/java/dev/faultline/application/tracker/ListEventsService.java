package dev.faultline.application.tracker;

import dev.faultline.application.tracker.port.in.ListEvents;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import java.util.List;
import java.util.Optional;

/** Pages through one issue's events, newest first. */
public class ListEventsService implements ListEvents {
    private static final String LIST = "events";
    private final MemberScope scope;
    private final Events events;

    public ListEventsService(Issues issues, Memberships memberships, Events events) {
        this.scope = new MemberScope(memberships, issues);
        this.events = events;
    }

    @Override
    public Outcome listEvents(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        if (scope.visibleIssue(command.actor().user(), command.issueId()).isEmpty()) {
            return new Outcome.IssueNotFound(command.issueId());
        }
        String query = command.actor().user() + "\u0000" + command.issueId();
        if (command.cursor().isEmpty()) {
            return page(command, query, Optional.empty());
        }
        return PageCursor.decode(command.cursor().get(), LIST, query).fold(
                valid -> page(command, query, Optional.of(
                        new Events.Position(Times.ofEpochMicros(valid.key()), new EventId(valid.id())))),
                invalid -> new Outcome.InvalidCursor(invalid.reason()));
    }

    private Outcome page(Command command, String query, Optional<Events.Position> after) {
        List<Event> found = events.listByIssue(command.issueId(), after, command.limit() + 1);
        List<Event> page = found.stream().limit(command.limit()).toList();
        Optional<String> next = Optional.empty();
        if (found.size() > command.limit()) {
            Event last = page.get(page.size() - 1);
            next = Optional.of(PageCursor.encode(LIST, query, Times.epochMicros(last.occurredAt()),
                    last.id().value()));
        }
        return new Outcome.Page(page, next);
    }
}
