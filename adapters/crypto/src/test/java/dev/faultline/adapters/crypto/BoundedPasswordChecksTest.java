package dev.faultline.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.account.port.out.PasswordCheckPermits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedPasswordChecksTest {
    @Test
    void gives_out_exactly_the_limit_and_refuses_one_past_it_until_one_is_closed() {
        BoundedPasswordChecks checks = new BoundedPasswordChecks(3, Duration.ZERO);
        List<PasswordCheckPermits.Permit> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(checks.tryAcquire().orElseThrow());
        }
        assertThat(checks.tryAcquire()).as("one past the limit").isEmpty();
        held.get(0).close();
        held.get(0).close();
        assertThat(checks.tryAcquire()).as("a closed permit frees exactly one").isPresent();
        assertThat(checks.tryAcquire()).isEmpty();
    }

    @Test
    void a_waiting_check_gets_a_permit_closed_while_it_waits() throws Exception {
        BoundedPasswordChecks checks = new BoundedPasswordChecks(1, Duration.ofMinutes(1));
        PasswordCheckPermits.Permit first = checks.tryAcquire().orElseThrow();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<PasswordCheckPermits.Permit>> second = pool.submit(checks::tryAcquire);
            first.close();
            assertThat(second.get(1, TimeUnit.MINUTES)).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void never_more_than_the_limit_at_once_whatever_the_concurrency() throws Exception {
        BoundedPasswordChecks checks = new BoundedPasswordChecks(2, Duration.ofMillis(1));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < 200; round++) {
                        Optional<PasswordCheckPermits.Permit> permit = checks.tryAcquire();
                        if (permit.isPresent()) {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            inside.decrementAndGet();
                            permit.get().close();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void refuses_nonsensical_limits() {
        assertThatThrownBy(() -> new BoundedPasswordChecks(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedPasswordChecks(1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BoundedPasswordChecks.defaultPermits()).isGreaterThanOrEqualTo(BoundedPasswordChecks.PER_CORE);
    }
}
