package dev.faultline.adapters.ingest.endpoint;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many ingest requests may use the database at once on this instance. A request that cannot get in within
 * {@code maxWait} is told to come back later (429) instead of queueing until it times out: a crash storm then
 * costs the SDKs a short back-off, never the server its pages and MCP.
 */
public final class IngestGate {
    private final Semaphore permits;
    private final Duration maxWait;

    public IngestGate(int maxConcurrent, Duration maxWait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("ingest.maxConcurrent must be at least 1, not " + maxConcurrent);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("ingest.maxWait must not be negative");
        }
        this.permits = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
    }

    /** Runs {@code work} once a place is free, or answers empty when none became free in time. */
    public <T> Optional<T> within(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (!acquired) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            permits.release();
        }
    }

    /** Places free now (for tests and metrics). */
    public int available() {
        return permits.availablePermits();
    }
}
