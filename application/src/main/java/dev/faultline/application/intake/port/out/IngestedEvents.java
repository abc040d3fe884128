package dev.faultline.application.intake.port.out;

import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.EventId;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.Optional;

/**
 * The documents of ingested events, one per SDK {@code event_id} and application. {@link #claim} is how an SDK's
 * resend is recognised: it is atomic, and of two units of work claiming the same id at once the second waits for
 * the first to end, then sees its document (or, if the first rolled back, claims it itself). A claimed document's
 * tracker event must be added in the same unit of work; deleting that event deletes the document.
 */
public interface IngestedEvents {
    Claim claim(IngestedEvent event);

    Optional<IngestedEvent> findByEventId(EventId eventId);

    Optional<IngestedEvent> findBySdkEventId(ApplicationId applicationId, SdkEventId sdkEventId);

    /** The full cleaned event an SDK sent, kept beside the tracker's event of the same id. */
    record IngestedEvent(EventId eventId, ApplicationId applicationId, SdkEvent document, Instant receivedAt) {
        public IngestedEvent {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(document, "document");
            receivedAt = Times.micros(Objects.requireNonNull(receivedAt, "receivedAt"));
        }
    }

    sealed interface Claim {
        <R> R fold(Function<Claimed, R> claimed, Function<AlreadyStored, R> alreadyStored);

        /** Stored: this is the first time the application sees this SDK event id. */
        record Claimed() implements Claim {
            @Override
            public <R> R fold(Function<Claimed, R> claimed, Function<AlreadyStored, R> alreadyStored) {
                return claimed.apply(this);
            }
        }

        /** The application already holds this SDK event id, as tracker event {@code existing}; nothing stored. */
        record AlreadyStored(EventId existing) implements Claim {
            public AlreadyStored {
                Objects.requireNonNull(existing, "existing");
            }

            @Override
            public <R> R fold(Function<Claimed, R> claimed, Function<AlreadyStored, R> alreadyStored) {
                return alreadyStored.apply(this);
            }
        }
    }
}
