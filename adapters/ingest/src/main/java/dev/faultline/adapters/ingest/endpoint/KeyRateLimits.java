package dev.faultline.adapters.ingest.endpoint;

import dev.faultline.domain.intake.IngestKeyId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The per-key event limit (events per minute, set on the key) as a token bucket per key on this instance: a key
 * may send a minute's worth at once, then at its steady rate. Kept in memory, so several instances each allow
 * the limit — the limit protects the installation from one noisy application, it is not billing. Buckets of keys
 * that stopped sending are dropped once full again.
 */
public final class KeyRateLimits {
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final LongSupplier nanoTime;
    private final ConcurrentMap<IngestKeyId, Bucket> buckets = new ConcurrentHashMap<>();

    public KeyRateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one event's place from the key's bucket.
     *
     * @return empty when the event may go in; otherwise how long until the key may send again
     */
    public Optional<Duration> take(IngestKeyId key, int eventsPerMinute) {
        if (eventsPerMinute < 1) {
            throw new IllegalArgumentException("a key's limit is at least one event per minute");
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(eventsPerMinute, now));
        Optional<Duration> wait = bucket.take(eventsPerMinute, now);
        if (buckets.size() > 10_000) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        return wait;
    }

    /** Tokens are counted in nanoseconds of refill time, so no fractions are lost. */
    private static final class Bucket {
        private long emptyUntil;

        Bucket(int eventsPerMinute, long now) {
            this.emptyUntil = now - NANOS_PER_MINUTE;
        }

        synchronized Optional<Duration> take(int eventsPerMinute, long now) {
            long perEvent = NANOS_PER_MINUTE / eventsPerMinute;
            long start = Math.max(emptyUntil, now - NANOS_PER_MINUTE);
            long next = start + perEvent;
            if (next > now) {
                return Optional.of(Duration.ofNanos(next - now));
            }
            emptyUntil = next;
            return Optional.empty();
        }

        synchronized boolean fullAt(long now) {
            return emptyUntil <= now - NANOS_PER_MINUTE;
        }
    }
}
