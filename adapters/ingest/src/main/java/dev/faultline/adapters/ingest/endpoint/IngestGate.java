package dev.faultline.adapters.ingest.endpoint;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many ingest requests may use the database at once on this instance, and how many may wait for a place. A
 * request that cannot get in within {@code maxWait}, or that finds {@code maxQueued} requests already waiting, is
 * told to come back later (429) instead of queueing until it times out: a crash storm then costs the SDKs a short
 * back-off, never the server its threads, its memory, its pages or MCP.
 */
public final class IngestGate {
    private final Semaphore permits;
    private final int maxQueued;
    private final Duration maxWait;

    public IngestGate(int maxConcurrent, Duration maxWait) {
        this(maxConcurrent, 8 * maxConcurrent, maxWait);
    }

    public IngestGate(int maxConcurrent, int maxQueued, Duration maxWait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("ingest.maxConcurrent must be at least 1, not " + maxConcurrent);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("ingest.maxQueued must not be negative, not " + maxQueued);
        }
        this.maxQueued = maxQueued;
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
            // a free place is taken at once; waiting is only for as many as the queue bound allows (an
            // approximate bound: it limits parked threads, it decides nothing else)
            acquired = permits.tryAcquire() || permits.getQueueLength() < maxQueued
                    && permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
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
