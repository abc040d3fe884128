package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;

/** How long a mute lasts: for ever, until a moment, or until a number of further events have arrived. */
public sealed interface MuteRule {
    long MAX_EVENTS = 1_000_000;

    record Forever() implements MuteRule {
    }

    record UntilTime(Instant until) implements MuteRule {
        public UntilTime {
            until = Times.micros(Objects.requireNonNull(until, "until"));
        }
    }

    record UntilMoreEvents(long events) implements MuteRule {
        public UntilMoreEvents {
            InvalidValue.require(events >= 1 && events <= MAX_EVENTS, "events",
                    "a mute may last for 1 to " + MAX_EVENTS + " more events, not " + events);
        }
    }
}
