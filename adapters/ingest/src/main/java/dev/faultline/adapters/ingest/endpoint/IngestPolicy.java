package dev.faultline.adapters.ingest.endpoint;

import dev.faultline.adapters.ingest.protocol.IngestLimits;
import dev.faultline.adapters.ingest.protocol.UnsupportedCategories;
import java.time.Duration;
import java.util.Objects;

/**
 * The ingest surface's limits and answers, from configuration.
 *
 * @param overloadRetryAfter what {@code Retry-After} says when the gate is full
 * @param unavailableRetryAfter what {@code Retry-After} says when the database is unreachable
 */
public record IngestPolicy(IngestLimits limits, UnsupportedCategories unsupported, Duration overloadRetryAfter,
        Duration unavailableRetryAfter) {
    public IngestPolicy {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(unsupported, "unsupported");
        if (overloadRetryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ingest.overloadRetryAfter is at least one second");
        }
        Objects.requireNonNull(unavailableRetryAfter, "unavailableRetryAfter");
    }

    public static IngestPolicy defaults() {
        return new IngestPolicy(IngestLimits.defaults(), UnsupportedCategories.defaults(), Duration.ofSeconds(2),
                Duration.ofSeconds(30));
    }
}
