package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The events of issues, with their stack traces, tags and user context. Events are never changed. */
public interface Events {
    /** Stores a new event (its issue must exist). */
    void add(Event event);

    Optional<Event> findById(EventId id);

    /** The issue's events, newest first (occurred-at then id, both descending), strictly after {@code after}. */
    List<Event> listByIssue(IssueId issueId, Optional<Position> after, int fetch);

    /** A keyset position: the occurred-at and id of the last event already seen. */
    record Position(Instant occurredAt, EventId id) {
        public Position {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(id, "id");
        }
    }
}
