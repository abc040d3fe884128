package dev.faultline.application.intake.port.in;

import dev.faultline.application.intake.port.in.AuthenticateIngestKey.IngestSource;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Store one event an SDK reported, grouped into an issue by the current grouping policy, in one transaction:
 * when this returns {@code Stored} the event, its issue's counters and any status change are committed. An
 * {@code event_id} the application already stored is a {@code Duplicate}: a success that changes and counts
 * nothing (SDKs resend after a lost answer).
 */
public interface IngestEvent {

    Outcome ingest(Command command);

    record Command(IngestSource source, SdkEvent event, Instant receivedAt) {
        public Command {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    sealed interface Outcome {
        <R> R fold(Function<Stored, R> stored, Function<Duplicate, R> duplicate,
                Function<ApplicationGone, R> applicationGone);

        /** Committed: the event, and what it did to its issue (opened, counted, regressed, ended a mute …). */
        record Stored(IssueId issueId, EventId eventId, RecordEvent.Effect effect) implements Outcome {
            @Override
            public <R> R fold(Function<Stored, R> stored, Function<Duplicate, R> duplicate,
                    Function<ApplicationGone, R> applicationGone) {
                return stored.apply(this);
            }
        }

        /** The application already holds an event with this SDK {@code event_id}; nothing changed. */
        record Duplicate(EventId existing) implements Outcome {
            @Override
            public <R> R fold(Function<Stored, R> stored, Function<Duplicate, R> duplicate,
                    Function<ApplicationGone, R> applicationGone) {
                return duplicate.apply(this);
            }
        }

        /** The application was deleted after its key was checked; nothing was stored. */
        record ApplicationGone(ApplicationId applicationId) implements Outcome {
            @Override
            public <R> R fold(Function<Stored, R> stored, Function<Duplicate, R> duplicate,
                    Function<ApplicationGone, R> applicationGone) {
                return applicationGone.apply(this);
            }
        }
    }
}
