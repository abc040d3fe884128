package dev.faultline.application.intake.port.in;

import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.Permission;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One event as the SDK reported it, for a member of its application: the tracker's event and issue, and the full
 * cleaned report when an SDK sent it (the exception chain, frames with source lines, breadcrumbs, request,
 * contexts, SDK). Named by Faultline's event id or by the SDK's {@code event_id}, which is looked up in the
 * actor's applications only. An event outside them is not found, exactly like one that does not exist.
 */
public interface GetCrashReport {
    Permission REQUIRES = Permission.READ;

    Outcome getCrashReport(Command command);

    /** Faultline's event id (a UUID with dashes) or an SDK's {@code event_id} (32 hex digits). */
    record EventReference(Optional<EventId> eventId, Optional<SdkEventId> sdkEventId) {
        private static final Pattern SDK_ID = Pattern.compile("[0-9a-fA-F]{32}");

        public EventReference {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(sdkEventId, "sdkEventId");
            if (eventId.isPresent() == sdkEventId.isPresent()) {
                throw new IllegalArgumentException("an event reference names exactly one id");
            }
        }

        /**
         * @throws InvalidValue naming {@code field} if the text is neither a UUID nor 32 hex digits
         */
        public static EventReference parse(String text, String field) {
            String value = text == null ? "" : text.strip();
            if (SDK_ID.matcher(value).matches()) {
                return new EventReference(Optional.empty(),
                        Optional.of(new SdkEventId(value.toLowerCase(java.util.Locale.ROOT))));
            }
            if (value.indexOf('-') < 0) {
                throw new InvalidValue(field, field + " must be an event id (a UUID) or an SDK event_id (32 hex "
                        + "digits), not \"" + value + "\"");
            }
            return new EventReference(Optional.of(EventId.parse(value, field)), Optional.empty());
        }

        @Override
        public String toString() {
            return eventId.map(EventId::toString).orElseGet(() -> sdkEventId.orElseThrow().value());
        }
    }

    record Command(Actor actor, EventReference event) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * @param issue      as seen now (a lapsed until-time mute reads unresolved)
     * @param report     the cleaned SDK report, absent for events that came another way (demo data)
     * @param receivedAt when Faultline received the report
     */
    record CrashReport(Event event, Issue issue, Optional<SdkEvent> report, Optional<Instant> receivedAt) {
        public CrashReport {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(issue, "issue");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    sealed interface Outcome {
        <R> R fold(Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound);

        /** The actor lacks {@code required}; nothing was looked at. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return notPermitted.apply(this);
            }
        }

        record Found(CrashReport crash) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return found.apply(this);
            }
        }

        record NotFound(EventReference event) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return notFound.apply(this);
            }
        }
    }
}
