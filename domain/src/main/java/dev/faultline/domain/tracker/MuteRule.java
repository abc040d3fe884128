package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** How long a mute lasts: for ever, until a moment, or until a number of further events have arrived. */
public sealed interface MuteRule {
    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(
            Function<Forever, R> forever, Function<UntilTime, R> untilTime,
            Function<UntilMoreEvents, R> untilMoreEvents);

    long MAX_EVENTS = 1_000_000;

    record Forever() implements MuteRule {
        @Override
        public <R> R fold(
                Function<Forever, R> forever, Function<UntilTime, R> untilTime,
                Function<UntilMoreEvents, R> untilMoreEvents) {
            return forever.apply(this);
        }
    }

    record UntilTime(Instant until) implements MuteRule {
        public UntilTime {
            until = Times.micros(Objects.requireNonNull(until, "until"));
        }

        @Override
        public <R> R fold(
                Function<Forever, R> forever, Function<UntilTime, R> untilTime,
                Function<UntilMoreEvents, R> untilMoreEvents) {
            return untilTime.apply(this);
        }
    }

    record UntilMoreEvents(long events) implements MuteRule {
        public UntilMoreEvents {
            InvalidValue.require(events >= 1 && events <= MAX_EVENTS, "events",
                    "a mute may last for 1 to " + MAX_EVENTS + " more events, not " + events);
        }

        @Override
        public <R> R fold(
                Function<Forever, R> forever, Function<UntilTime, R> untilTime,
                Function<UntilMoreEvents, R> untilMoreEvents) {
            return untilMoreEvents.apply(this);
        }
    }
}
