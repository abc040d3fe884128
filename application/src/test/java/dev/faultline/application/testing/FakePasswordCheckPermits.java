package dev.faultline.application.testing;

import dev.faultline.application.account.port.out.PasswordCheckPermits;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Permits without waiting: unlimited unless a test closes the door ({@link #busy}); counts what is held. */
public final class FakePasswordCheckPermits implements PasswordCheckPermits {
    private volatile boolean busy;
    public final AtomicInteger held = new AtomicInteger();

    public void busy(boolean value) {
        busy = value;
    }

    @Override
    public Optional<Permit> tryAcquire() {
        if (busy) {
            return Optional.empty();
        }
        held.incrementAndGet();
        return Optional.of(held::decrementAndGet);
    }
}
