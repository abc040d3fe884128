package dev.faultline.adapters.crypto;

import dev.faultline.application.account.port.out.PasswordCheckPermits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code permits} password checks at once in this process (a fair semaphore: waiting sign-ins are served in
 * order); a check that finds none free within {@code maxWait} is turned away rather than queued without end.
 * Per instance on purpose: what it protects, the cores and the heap, is per instance too.
 */
public final class BoundedPasswordChecks implements PasswordCheckPermits {
    /** The default bound: a few hashes per core keep every core busy without queueing a heap's worth of them. */
    public static final int PER_CORE = 2;

    private final Semaphore semaphore;
    private final int permits;
    private final Duration maxWait;

    public BoundedPasswordChecks(int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        this.semaphore = new Semaphore(permits, true);
        this.permits = permits;
        this.maxWait = maxWait;
    }

    /** {@link #PER_CORE} permits per available processor. */
    public static int defaultPermits() {
        return PER_CORE * Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Optional<Permit> tryAcquire() {
        try {
            if (!semaphore.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        });
    }

    @Override
    public String toString() {
        return "BoundedPasswordChecks[" + permits + " at once, wait at most " + maxWait + "]";
    }
}
