package dev.faultline.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    private final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(2, Duration.ofSeconds(60), clock);

    @Test
    void allows_permits_per_key_within_the_window_then_limits_until_the_oldest_leaves_it() {
        assertThat(limiter.tryAcquire("a")).isInstanceOf(SlidingWindowRateLimiter.Decision.Allowed.class);
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire("a")).isInstanceOf(SlidingWindowRateLimiter.Decision.Allowed.class);
        clock.advance(Duration.ofSeconds(10));

        assertThat(limiter.tryAcquire("a"))
                .isEqualTo(new SlidingWindowRateLimiter.Decision.Limited(Duration.ofSeconds(30)));
        assertThat(limiter.tryAcquire("b")).isInstanceOf(SlidingWindowRateLimiter.Decision.Allowed.class);

        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.tryAcquire("a")).isInstanceOf(SlidingWindowRateLimiter.Decision.Allowed.class);
        assertThat(limiter.tryAcquire("a")).isInstanceOf(SlidingWindowRateLimiter.Decision.Limited.class);
    }

    @Test
    void refused_requests_do_not_extend_the_wait() {
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("a");
        }
        clock.advance(Duration.ofSeconds(60));

        assertThat(limiter.tryAcquire("a")).isInstanceOf(SlidingWindowRateLimiter.Decision.Allowed.class);
    }

    @Test
    void refuses_nonsensical_limits() {
        assertThatThrownBy(() -> new SlidingWindowRateLimiter(0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlidingWindowRateLimiter(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
