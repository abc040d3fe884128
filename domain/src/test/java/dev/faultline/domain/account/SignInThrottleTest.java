package dev.faultline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private static final EmailAddress ADA = EmailAddress.of("ada@example.org");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final SignInThrottle throttle = SignInThrottle.defaults();

    private Optional<FailedSignIns> failTimes(int n, Instant start, Duration gap) {
        Optional<FailedSignIns> streak = Optional.empty();
        for (int i = 0; i < n; i++) {
            streak = Optional.of(throttle.recordFailure(ADA, streak, start.plus(gap.multipliedBy(i))));
        }
        return streak;
    }

    @Test
    void four_failures_still_allow_an_attempt() {
        Optional<FailedSignIns> streak = failTimes(4, T0, Duration.ofSeconds(10));
        assertThat(streak.orElseThrow().failures()).isEqualTo(4);
        assertThat(streak.orElseThrow().lockedUntil()).isEmpty();
        assertThat(throttle.check(streak, T0.plusSeconds(40))).isInstanceOf(SignInThrottle.Decision.Allowed.class);
    }

    @Test
    void the_fifth_failure_locks_the_address_out_for_a_minute() {
        Optional<FailedSignIns> streak = failTimes(5, T0, Duration.ofSeconds(10));
        Instant fifth = T0.plusSeconds(40);
        assertThat(streak.orElseThrow().lockedUntil()).contains(fifth.plus(Duration.ofMinutes(1)));

        SignInThrottle.Decision decision = throttle.check(streak, fifth.plusSeconds(20));
        assertThat(decision).isEqualTo(new SignInThrottle.Decision.LockedOut(
                fifth.plusSeconds(60), Duration.ofSeconds(40)));
        assertThat(throttle.check(streak, fifth.plusSeconds(60))).isInstanceOf(SignInThrottle.Decision.Allowed.class);
    }

    @Test
    void lock_outs_double_and_are_capped_at_fifteen_minutes() {
        assertThat(throttle.lockoutAfter(4)).isEqualTo(Duration.ZERO);
        assertThat(throttle.lockoutAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.lockoutAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(throttle.lockoutAfter(7)).isEqualTo(Duration.ofMinutes(4));
        assertThat(throttle.lockoutAfter(8)).isEqualTo(Duration.ofMinutes(8));
        assertThat(throttle.lockoutAfter(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.lockoutAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_failure_right_after_a_lock_out_continues_the_streak_and_locks_longer() {
        Optional<FailedSignIns> streak = failTimes(5, T0, Duration.ofSeconds(1));
        Instant unlocked = streak.orElseThrow().lockedUntil().orElseThrow();
        FailedSignIns sixth = throttle.recordFailure(ADA, streak, unlocked.plusSeconds(5));
        assertThat(sixth.failures()).isEqualTo(6);
        assertThat(sixth.streakStartedAt()).isEqualTo(T0);
        assertThat(sixth.lockedUntil()).contains(unlocked.plusSeconds(5).plus(Duration.ofMinutes(2)));
    }

    @Test
    void a_quiet_window_ends_the_streak() {
        Optional<FailedSignIns> streak = failTimes(4, T0, Duration.ofSeconds(1));
        Instant last = streak.orElseThrow().lastFailureAt();
        FailedSignIns justInside = throttle.recordFailure(ADA, streak, last.plus(Duration.ofMinutes(15)).minusSeconds(1));
        assertThat(justInside.failures()).isEqualTo(5);
        FailedSignIns afterQuiet = throttle.recordFailure(ADA, streak, last.plus(Duration.ofMinutes(15)));
        assertThat(afterQuiet.failures()).isEqualTo(1);
        assertThat(afterQuiet.lockedUntil()).isEmpty();
    }

    @Test
    void quiet_window_after_a_lock_out_counts_from_the_end_of_the_lock_out() {
        Optional<FailedSignIns> streak = failTimes(9, T0, Duration.ofSeconds(1));
        Instant unlocked = streak.orElseThrow().lockedUntil().orElseThrow();
        assertThat(throttle.forgottenAfter(streak.orElseThrow())).isEqualTo(unlocked.plus(Duration.ofMinutes(15)));
        assertThat(throttle.recordFailure(ADA, streak, unlocked.plus(Duration.ofMinutes(14))).failures()).isEqualTo(10);
        assertThat(throttle.recordFailure(ADA, streak, unlocked.plus(Duration.ofMinutes(15))).failures()).isEqualTo(1);
    }

    @Test
    void no_streak_means_allowed() {
        assertThat(throttle.check(Optional.empty(), T0)).isInstanceOf(SignInThrottle.Decision.Allowed.class);
    }

    @Test
    void reservations_count_before_the_check_so_the_fifth_already_locks_and_the_sixth_is_refused() {
        Optional<FailedSignIns> streak = Optional.empty();
        for (int i = 1; i <= 5; i++) {
            SignInThrottle.Reservation reservation = throttle.reserve(ADA, streak, T0);
            assertThat(reservation).isInstanceOf(SignInThrottle.Reservation.Granted.class);
            streak = Optional.of(((SignInThrottle.Reservation.Granted) reservation).streak());
            assertThat(streak.orElseThrow().failures()).isEqualTo(i);
        }
        assertThat(streak.orElseThrow().lockedUntil()).contains(T0.plus(Duration.ofMinutes(1)));
        assertThat(throttle.reserve(ADA, streak, T0))
                .isEqualTo(new SignInThrottle.Reservation.Refused(T0.plusSeconds(60), Duration.ofSeconds(60)));
    }

    @Test
    void a_failure_timed_before_the_streaks_last_one_counts_at_that_last_time_instead_of_failing() {
        FailedSignIns later = throttle.recordFailure(ADA, Optional.empty(), T0.plusMillis(5));
        FailedSignIns earlier = throttle.recordFailure(ADA, Optional.of(later), T0);
        assertThat(earlier.failures()).isEqualTo(2);
        assertThat(earlier.streakStartedAt()).isEqualTo(T0.plusMillis(5));
        assertThat(earlier.lastFailureAt()).isEqualTo(T0.plusMillis(5));
    }
}
