package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.Objects;

/**
 * How many events an application keeps and for how long. Turning points (each issue's first and latest event
 * and the events that changed its status) are kept beyond both limits.
 */
public record RetentionLimits(int maxEventsPerApplication, Duration maxAge) {
    public static final int DEFAULT_MAX_EVENTS = 10_000;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(90);

    public RetentionLimits {
        InvalidValue.require(maxEventsPerApplication >= 1, "max_events",
                "an application keeps at least 1 event, not " + maxEventsPerApplication);
        Objects.requireNonNull(maxAge, "maxAge");
        InvalidValue.require(!maxAge.isNegative() && !maxAge.isZero(), "max_age",
                "events are kept for a positive time, not " + maxAge);
    }

    public static RetentionLimits defaults() {
        return new RetentionLimits(DEFAULT_MAX_EVENTS, DEFAULT_MAX_AGE);
    }
}
