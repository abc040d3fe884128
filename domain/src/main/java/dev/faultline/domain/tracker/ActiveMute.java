package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * The mute an issue is under, in a form that can be checked later without knowing when it began: a
 * "N more events" rule is stored as the event count at which the mute ends.
 */
public sealed interface ActiveMute {
    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(
            Function<Forever, R> forever, Function<UntilTime, R> untilTime,
            Function<UntilEventCount, R> untilEventCount);

    record Forever() implements ActiveMute {
        @Override
        public <R> R fold(
                Function<Forever, R> forever, Function<UntilTime, R> untilTime,
                Function<UntilEventCount, R> untilEventCount) {
            return forever.apply(this);
        }
    }

    record UntilTime(Instant until) implements ActiveMute {
        public UntilTime {
            until = Times.micros(Objects.requireNonNull(until, "until"));
        }

        @Override
        public <R> R fold(
                Function<Forever, R> forever, Function<UntilTime, R> untilTime,
                Function<UntilEventCount, R> untilEventCount) {
            return untilTime.apply(this);
        }
    }

    record UntilEventCount(long eventCount) implements ActiveMute {
        public UntilEventCount {
            if (eventCount < 1) {
                throw new IllegalArgumentException("a mute ends at an event count of at least 1");
            }
        }

        @Override
        public <R> R fold(
                Function<Forever, R> forever, Function<UntilTime, R> untilTime,
                Function<UntilEventCount, R> untilEventCount) {
            return untilEventCount.apply(this);
        }
    }

    /** An until-time mute lapses on its own; the others end only through events or a status change. */
    default boolean hasLapsedAt(Instant now) {
        return fold(forever -> false, untilTime -> !now.isBefore(untilTime.until()), untilEventCount -> false);
    }
}
