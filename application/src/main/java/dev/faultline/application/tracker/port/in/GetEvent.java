package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;

/** One event with its stack trace, tags and user context, and the issue it belongs to. */
public interface GetEvent {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.READ;

    Outcome getEvent(Command command);

    record Command(Actor actor, EventId eventId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    sealed interface Outcome {
        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
        }

        record Found(Event event, Issue issue) implements Outcome {
        }

        record NotFound(EventId eventId) implements Outcome {
        }
    }
}
