package dev.faultline.application.account.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.FailedSignIns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void noStreakUntilAFailure() {
        assertThat(attempts().find(someone())).isEmpty();
    }

    @Test
    void storesWhatTheUpdateComputesFromTheCurrentStreak() {
        EmailAddress email = someone();
        List<Optional<FailedSignIns>> seen = new ArrayList<>();
        FailedSignIns first = attempts().recordFailure(email, current -> {
            seen.add(current);
            return increment(email, current, T0);
        });
        FailedSignIns second = attempts().recordFailure(email, current -> {
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
    void clearingForgetsOnlyThatAddress() {
        EmailAddress ada = someone();
        EmailAddress grace = someone();
        attempts().recordFailure(ada, c -> increment(ada, c, T0));
        attempts().recordFailure(grace, c -> increment(grace, c, T0));
        attempts().clear(ada);
        attempts().clear(someone());
        assertThat(attempts().find(ada)).isEmpty();
        assertThat(attempts().find(grace)).isPresent();
    }

    @Test
    void purgesStreaksThatHaveBeenQuietSinceTheCutoff() {
        EmailAddress old = someone();
        EmailAddress lockedLong = someone();
        EmailAddress recent = someone();
        Instant longAgo = T0.minus(Duration.ofDays(3650));
        attempts().recordFailure(old, c -> new FailedSignIns(old, 1, longAgo, longAgo, Optional.empty()));
        attempts().recordFailure(lockedLong, c -> new FailedSignIns(lockedLong, 9, longAgo, longAgo,
                Optional.of(T0.plusSeconds(1))));
        attempts().recordFailure(recent, c -> new FailedSignIns(recent, 1, T0, T0, Optional.empty()));
        int purged = attempts().purgeQuietSince(longAgo.plusSeconds(1));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(attempts().find(old)).isEmpty();
        assertThat(attempts().find(lockedLong)).isPresent();
        assertThat(attempts().find(recent)).isPresent();
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        EmailAddress email = someone();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<FailedSignIns>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tasks.add(() -> attempts().recordFailure(email, c -> increment(email, c, T0)));
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
