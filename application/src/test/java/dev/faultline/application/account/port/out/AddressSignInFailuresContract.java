package dev.faultline.application.account.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.domain.account.AddressFailures;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.RemoteAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link AddressSignInFailures} adapter must do. */
public abstract class AddressSignInFailuresContract {
    private final AddressSignInLimit limit = new AddressSignInLimit(5, Duration.ofMinutes(15));

    protected abstract AddressSignInFailures failures();

    private static RemoteAddress somewhere() {
        return new RemoteAddress("198.51.100." + Fixtures.unique());
    }

    @Test
    void no_count_until_a_reservation() {
        assertThat(failures().find(somewhere())).isEmpty();
    }

    @Test
    void stores_what_a_granted_reservation_carries_and_nothing_for_a_refusal() {
        RemoteAddress address = somewhere();
        List<Optional<AddressFailures>> seen = new ArrayList<>();
        AddressSignInLimit.Reservation first = failures().reserve(address, current -> {
            seen.add(current);
            return limit.reserve(address, current, T0);
        });
        failures().reserve(address, current -> {
            seen.add(current);
            return limit.reserve(address, current, T0.plusSeconds(1));
        });
        assertThat(seen.get(0)).isEmpty();
        assertThat(seen.get(1)).contains(((AddressSignInLimit.Reservation.Granted) first).failures());
        assertThat(failures().find(address)).contains(new AddressFailures(address, 2, T0));

        AddressSignInLimit.Reservation refused = new AddressSignInLimit.Reservation.Refused(T0, Duration.ZERO);
        assertThat(failures().reserve(address, current -> refused)).isEqualTo(refused);
        assertThat(failures().find(address)).contains(new AddressFailures(address, 2, T0));
        RemoteAddress elsewhere = somewhere();
        failures().reserve(elsewhere, current -> refused);
        assertThat(failures().find(elsewhere)).isEmpty();
    }

    @Test
    void a_refund_replaces_the_count_and_is_nothing_without_one() {
        RemoteAddress address = somewhere();
        AddressFailures reserved = ((AddressSignInLimit.Reservation.Granted) failures().reserve(address,
                current -> limit.reserve(address, current, T0))).failures();
        failures().refund(address, current -> limit.refund(current, reserved));
        assertThat(failures().find(address)).contains(new AddressFailures(address, 0, T0));

        RemoteAddress nowhere = somewhere();
        failures().refund(nowhere, current -> current);
        assertThat(failures().find(nowhere)).isEmpty();
    }

    @Test
    void purges_counts_whose_window_started_before_the_cutoff() {
        RemoteAddress old = somewhere();
        RemoteAddress recent = somewhere();
        failures().reserve(old, c -> limit.reserve(old, c, T0.minus(Duration.ofDays(3650))));
        failures().reserve(recent, c -> limit.reserve(recent, c, T0));
        assertThat(failures().purgeWindowsStartedBefore(T0.minus(Duration.ofDays(3649)))).isGreaterThanOrEqualTo(1);
        assertThat(failures().find(old)).isEmpty();
        assertThat(failures().find(recent)).isPresent();
    }

    /** 32 attempts from one address released together: exactly the limit is granted, and none fails. */
    @Test
    void concurrent_reservations_grant_exactly_the_limit_and_never_fail() throws Exception {
        RemoteAddress address = somewhere();
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<AddressSignInLimit.Reservation>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return failures().reserve(address, current -> limit.reserve(address, current, T0));
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            int granted = 0;
            for (Future<AddressSignInLimit.Reservation> result : results) {
                if (result.get(60, TimeUnit.SECONDS) instanceof AddressSignInLimit.Reservation.Granted) {
                    granted++;
                }
            }
            assertThat(granted).isEqualTo(limit.maxFailures());
            assertThat(failures().find(address).orElseThrow().failures()).isEqualTo(limit.maxFailures());
        } finally {
            pool.shutdownNow();
        }
    }
}
