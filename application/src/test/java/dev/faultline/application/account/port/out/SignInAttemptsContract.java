package dev.faultline.application.account.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.FailedSignIns;
import dev.faultline.domain.account.SignInThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What every {@link SignInAttempts} adapter must do. */
public abstract class SignInAttemptsContract {
    protected abstract SignInAttempts attempts();

    private static EmailAddress someone() {
        return EmailAddress.of("someone-" + Fixtures.unique() + "@example.org");
    }

    private static FailedSignIns increment(EmailAddress email, Optional<FailedSignIns> current, Instant at) {
        return current.map(c -> new FailedSignIns(email, c.failures() + 1, c.streakStartedAt(), at,
                        Optional.of(at.plusSeconds(60))))
                .orElse(new FailedSignIns(email, 1, at, at, Optional.empty()));
    }

    /** Stores what {@code next} computes (a reservation that is always granted). */
    private FailedSignIns record(EmailAddress email, Function<Optional<FailedSignIns>, FailedSignIns> next) {
        SignInThrottle.Reservation reservation = attempts().reserve(email,
                current -> new SignInThrottle.Reservation.Granted(next.apply(current)));
        return ((SignInThrottle.Reservation.Granted) reservation).streak();
    }

    @Test
    void no_streak_until_a_failure() {
        assertThat(attempts().find(someone())).isEmpty();
    }

    @Test
    void stores_what_the_update_computes_from_the_current_streak() {
        EmailAddress email = someone();
        List<Optional<FailedSignIns>> seen = new ArrayList<>();
        FailedSignIns first = record(email, current -> {
            seen.add(current);
            return increment(email, current, T0);
        });
        FailedSignIns second = record(email, current -> {
            seen.add(current);
            return increment(email, current, T0.plusSeconds(5));
        });
        assertThat(seen.get(0)).isEmpty();
        assertThat(seen.get(1)).contains(first);
        assertThat(second.failures()).isEqualTo(2);
        assertThat(attempts().find(email)).contains(second);
        assertThat(second.lockedUntil()).contains(T0.plusSeconds(65));
    }

    @Test
    void clearing_forgets_only_that_address() {
        EmailAddress ada = someone();
        EmailAddress grace = someone();
        record(ada, c -> increment(ada, c, T0));
        record(grace, c -> increment(grace, c, T0));
        attempts().clear(ada);
        attempts().clear(someone());
        assertThat(attempts().find(ada)).isEmpty();
        assertThat(attempts().find(grace)).isPresent();
    }

    @Test
    void purges_streaks_that_have_been_quiet_since_the_cutoff() {
        EmailAddress old = someone();
        EmailAddress lockedLong = someone();
        EmailAddress recent = someone();
        Instant longAgo = T0.minus(Duration.ofDays(3650));
        record(old, c -> new FailedSignIns(old, 1, longAgo, longAgo, Optional.empty()));
        record(lockedLong, c -> new FailedSignIns(lockedLong, 9, longAgo, longAgo,
                Optional.of(T0.plusSeconds(1))));
        record(recent, c -> new FailedSignIns(recent, 1, T0, T0, Optional.empty()));
        int purged = attempts().purgeQuietSince(longAgo.plusSeconds(1));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(attempts().find(old)).isEmpty();
        assertThat(attempts().find(lockedLong)).isPresent();
        assertThat(attempts().find(recent)).isPresent();
    }

    @Test
    void a_refused_reservation_stores_nothing() {
        EmailAddress email = someone();
        FailedSignIns stored = record(email, c -> increment(email, c, T0));
        SignInThrottle.Reservation refused = new SignInThrottle.Reservation.Refused(T0.plusSeconds(9),
                Duration.ofSeconds(9));
        List<Optional<FailedSignIns>> seen = new ArrayList<>();
        assertThat(attempts().reserve(email, current -> {
            seen.add(current);
            return refused;
        })).isEqualTo(refused);
        assertThat(seen).containsExactly(Optional.of(stored));
        assertThat(attempts().find(email)).contains(stored);

        EmailAddress nobody = someone();
        assertThat(attempts().reserve(nobody, current -> refused)).isEqualTo(refused);
        assertThat(attempts().find(nobody)).isEmpty();
    }

    /**
     * The throttle's promise whatever the concurrency: 32 attempts released together against one address (each
     * with its own, unordered clock reading, as on several instances) get exactly as many password checks as the
     * throttle allows, and none of them fails.
     */
    @Test
    void concurrent_reservations_grant_at_most_the_throttles_limit_and_never_fail() throws Exception {
        SignInThrottle throttle = SignInThrottle.defaults();
        EmailAddress email = someone();
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<SignInThrottle.Reservation>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Instant now = T0.plusMillis((i * 7919L) % 1000);
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return attempts().reserve(email, streak -> throttle.reserve(email, streak, now));
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            int granted = 0;
            for (Future<SignInThrottle.Reservation> result : results) {
                if (result.get(60, TimeUnit.SECONDS) instanceof SignInThrottle.Reservation.Granted) {
                    granted++;
                }
            }
            assertThat(granted).isEqualTo(throttle.maxFailures());
            FailedSignIns stored = attempts().find(email).orElseThrow();
            assertThat(stored.failures()).isEqualTo(throttle.maxFailures());
            assertThat(stored.isLockedAt(T0.plusSeconds(1))).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrent_failures_are_all_counted() throws Exception {
        EmailAddress email = someone();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<FailedSignIns>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tasks.add(() -> record(email, c -> increment(email, c, T0)));
            }
            for (Future<FailedSignIns> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts().find(email).orElseThrow().failures()).isEqualTo(40);
    }
}
