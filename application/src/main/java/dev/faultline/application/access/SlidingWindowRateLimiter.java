package dev.faultline.application.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * At most {@code permits} requests per key in any sliding {@code window} (a log of recent request times per
 * key). In memory and per instance: with N instances behind a load balancer a client may get up to N times the
 * limit. That is acceptable because this is abuse control, not a correctness rule; nothing depends on it being
 * exact. Memory is bounded: each key keeps at most {@code permits} times, and idle keys are swept.
 */
public final class SlidingWindowRateLimiter {
    /** Above this many tracked keys, expired ones are swept before a new key is added. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    public SlidingWindowRateLimiter(int permits, Duration window, Clock clock) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.permits = permits;
        this.window = window;
        this.clock = Objects.requireNonNull(clock);
    }

    public sealed interface Decision {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Allowed, R> allowed, Function<Limited, R> limited);

        record Allowed() implements Decision {
            @Override
            public <R> R fold(Function<Allowed, R> allowed, Function<Limited, R> limited) {
                return allowed.apply(this);
            }
        }

        /** {@code retryAfter}: when the oldest counted request leaves the window. */
        record Limited(Duration retryAfter) implements Decision {
            @Override
            public <R> R fold(Function<Allowed, R> allowed, Function<Limited, R> limited) {
                return limited.apply(this);
            }
        }
    }

    public synchronized Decision tryAcquire(String key) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        if (!recent.containsKey(key) && recent.size() >= SWEEP_THRESHOLD) {
            sweep(windowStart);
        }
        Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.pollFirst();
        }
        if (times.size() >= permits) {
            Duration retryAfter = Duration.between(now, times.peekFirst().plus(window));
            return new Decision.Limited(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
        times.addLast(now);
        return new Decision.Allowed();
    }

    private void sweep(Instant windowStart) {
        for (Iterator<Deque<Instant>> it = recent.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            if (times.isEmpty() || !times.peekLast().isAfter(windowStart)) {
                it.remove();
            }
        }
    }
}
