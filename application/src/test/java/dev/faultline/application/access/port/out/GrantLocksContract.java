package dev.faultline.application.access.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GrantLocks} must do. A "holder" is a unit of work on its own thread that takes a lock and keeps
 * its unit open until the test lets it end. Ordering is proven, never timed: a waiter that must wait is first seen
 * waiting by the store ({@link #isWaitingForALock}), then the holder sets a flag just before its unit ends, and the
 * waiter records what the flag said when its call returned; a waiter that must not wait completes while the holder
 * still holds.
 */
public abstract class GrantLocksContract {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private GrantLocks locks;
    private Transactions transactions;
    private ExecutorService threads;

    /** The locks under test, over the same store as {@link #transactions()}. Called once per test. */
    protected abstract GrantLocks grantLocks();

    protected abstract Transactions transactions();

    /** A person known to the store (a row in {@code users} for a database). */
    protected abstract UserId existingUser();

    /** Whether {@code thread} is now blocked waiting for a lock of this store (not running, not finished). */
    protected abstract boolean isWaitingForALock(Thread thread);

    @BeforeEach
    void setUpLocks() {
        locks = grantLocks();
        transactions = transactions();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void revoking_waits_until_the_issuing_unit_of_work_ends() throws Exception {
        provesThatTheSecondWaits(GrantLocks::lockForIssuing, GrantLocks::lockForRevoking, false);
    }

    @Test
    void issuing_waits_until_the_revoking_unit_of_work_ends() throws Exception {
        provesThatTheSecondWaits(GrantLocks::lockForRevoking, GrantLocks::lockForIssuing, false);
    }

    @Test
    void revoking_waits_until_the_revoking_unit_of_work_ends() throws Exception {
        provesThatTheSecondWaits(GrantLocks::lockForRevoking, GrantLocks::lockForRevoking, false);
    }

    @Test
    void a_revoking_unit_of_work_waits_for_an_issuing_one() throws Exception {
        provesThatTheSecondWaits(GrantLocks::lockForIssuing, GrantLocks::lockForRevoking, true);
    }

    @Test
    void issuers_of_the_same_person_share() throws Exception {
        UserId user = existingUser();
        try (Holder holder = hold(GrantLocks::lockForIssuing, user)) {
            completesWhileHeld(() -> locks.lockForIssuing(user));
        }
    }

    @Test
    void different_people_do_not_wait_for_each_other() throws Exception {
        UserId alice = existingUser();
        UserId bob = existingUser();
        try (Holder holder = hold(GrantLocks::lockForRevoking, alice)) {
            completesWhileHeld(() -> locks.lockForRevoking(bob));
            completesWhileHeld(() -> locks.lockForIssuing(bob));
        }
    }

    @Test
    void outside_a_unit_of_work_a_lock_is_released_when_the_call_returns() throws Exception {
        UserId user = existingUser();
        locks.lockForRevoking(user);

        try (Holder holder = hold(GrantLocks::lockForIssuing, user)) {
            completesWhileHeld(() -> locks.lockForIssuing(user));
        }
        locks.lockForIssuing(user);
        try (Holder holder = hold(GrantLocks::lockForRevoking, user)) {
            assertThat(holder.user()).isEqualTo(user);
        }
    }

    @Test
    void a_unit_of_work_may_issue_and_revoke_for_the_same_person_without_waiting_for_itself() throws Exception {
        UserId user = existingUser();
        Future<?> both = threads.submit(() -> transactions.run(() -> {
            locks.lockForIssuing(user);
            locks.lockForRevoking(user);
            locks.lockForIssuing(user);
        }));
        both.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        completesWhileHeld(() -> transactions.run(() -> locks.lockForRevoking(user)));
    }

    @Test
    void a_unit_of_work_that_fails_releases_its_locks() throws Exception {
        UserId user = existingUser();
        Future<?> failing = threads.submit(() -> transactions.run(() -> {
            locks.lockForRevoking(user);
            throw new IllegalStateException("boom");
        }));
        try {
            failing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            fail("the unit of work should have failed");
        } catch (java.util.concurrent.ExecutionException expected) {
            assertThat(expected.getCause()).hasMessage("boom");
        }
        completesWhileHeld(() -> locks.lockForIssuing(user));
    }

    /**
     * A holder takes {@code first}; then {@code second} for the same person, on another thread (in a unit of work of
     * its own when {@code secondInAUnit}), must be seen waiting, and must return only after the holder's unit ended.
     */
    private void provesThatTheSecondWaits(BiConsumer<GrantLocks, UserId> first, BiConsumer<GrantLocks, UserId> second,
            boolean secondInAUnit) throws Exception {
        UserId user = existingUser();
        Holder holder = hold(first, user);
        AtomicBoolean holderEndedWhenSecondReturned = new AtomicBoolean();
        Thread[] waiter = new Thread[1];
        CountDownLatch waiterStarted = new CountDownLatch(1);
        Future<?> secondCall = threads.submit(() -> {
            waiter[0] = Thread.currentThread();
            waiterStarted.countDown();
            Runnable call = () -> {
                second.accept(locks, user);
                holderEndedWhenSecondReturned.set(holder.ending.get());
            };
            if (secondInAUnit) {
                transactions.run(call);
            } else {
                call.run();
            }
        });
        try {
            assertThat(waiterStarted.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (secondCall.isDone() || !isWaitingForALock(waiter[0])) {
                if (secondCall.isDone()) {
                    secondCall.get();
                    fail("the second lock was granted while the first was held");
                }
                if (Instant.now().isAfter(giveUp)) {
                    fail("the second call neither waited for a lock nor returned");
                }
                Thread.sleep(5);
            }
        } finally {
            holder.close();
        }
        secondCall.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(holderEndedWhenSecondReturned).as("the holder's unit of work had ended when the second call returned")
                .isTrue();
    }

    private void completesWhileHeld(Runnable call) throws Exception {
        CompletableFuture.runAsync(call, threads).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private Holder hold(BiConsumer<GrantLocks, UserId> lock, UserId user) throws InterruptedException {
        Holder holder = new Holder(user);
        holder.unit = threads.submit(() -> transactions.run(() -> {
            lock.accept(locks, user);
            holder.holding.countDown();
            try {
                holder.release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            holder.ending.set(true);
        }));
        assertThat(holder.holding.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the holder took its lock").isTrue();
        return holder;
    }

    /** A unit of work on its own thread holding a lock until {@link #close()}, which waits for it to end. */
    private static final class Holder implements AutoCloseable {
        private final UserId user;
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean ending = new AtomicBoolean();
        private Future<?> unit;

        Holder(UserId user) {
            this.user = user;
        }

        UserId user() {
            return user;
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            unit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
