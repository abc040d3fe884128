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

    /**
     * The issue's newest event in full and the ids of its {@code count} newest events (newest first, as
     * {@link #listByIssue} orders them): what an issue's page shows, without the frames and tags of events it only
     * lists by id.
     */
    default Recent recentOfIssue(IssueId issueId, int count) {
        List<Event> recent = listByIssue(issueId, Optional.empty(), count);
        return new Recent(recent.stream().findFirst(), recent.stream().map(Event::id).toList());
    }

    /** The newest event (absent when there is none) and the ids of the newest events, newest first. */
    record Recent(Optional<Event> latest, List<EventId> ids) {
        public Recent {
            Objects.requireNonNull(latest, "latest");
            ids = List.copyOf(ids);
        }
    }

    /** A keyset position: the occurred-at and id of the last event already seen. */
    record Position(Instant occurredAt, EventId id) {
        public Position {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(id, "id");
        }
    }
}
