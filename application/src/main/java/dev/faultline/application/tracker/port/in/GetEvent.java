package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import java.util.Objects;

/** One event with its stack trace, tags and user context, and the issue it belongs to. */
public interface GetEvent {
    Outcome getEvent(Command command);

    record Command(UserId actor, EventId eventId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    sealed interface Outcome {
        record Found(Event event, Issue issue) implements Outcome {
        }

        record NotFound(EventId eventId) implements Outcome {
        }
    }
}
