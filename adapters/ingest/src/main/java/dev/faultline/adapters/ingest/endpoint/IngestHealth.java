package dev.faultline.adapters.ingest.endpoint;

import com.codahale.metrics.health.HealthCheck;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unhealthy while ingestion keeps failing: after {@code threshold} events in a row could not be stored (the
 * database unreachable), until one is stored again. Refused requests (bad keys, bad bodies, rate limits) are the
 * clients' doing and never count.
 */
public final class IngestHealth extends HealthCheck {
    private final int threshold;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    public IngestHealth(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("ingest.unhealthyAfterFailures must be at least 1");
        }
        this.threshold = threshold;
    }

    void stored() {
        failuresInARow.set(0);
    }

    void failed() {
        failuresInARow.incrementAndGet();
    }

    @Override
    protected Result check() {
        int failures = failuresInARow.get();
        return failures >= threshold
                ? Result.unhealthy("the last " + failures + " events could not be stored")
                : Result.healthy(failures == 0 ? "storing events" : failures + " recent events could not be stored");
    }
}
