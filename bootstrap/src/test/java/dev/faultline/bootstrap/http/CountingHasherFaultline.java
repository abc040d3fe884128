package dev.faultline.bootstrap.http;

import dev.faultline.adapters.crypto.Argon2idPasswordHasher;
import dev.faultline.application.account.port.out.PasswordHasher;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.domain.account.PasswordHash;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faultline with its real Argon2id hasher behind a test door: it counts every password check (a real one or the
 * dummy one for an unknown address), and can hold checks until released, so a test can see exactly how many
 * passwords the server checked and keep the hashing capacity busy for as long as it needs. One server per JVM
 * class uses it at a time (the state is static because Dropwizard instantiates the application itself).
 */
public class CountingHasherFaultline extends FaultlineApplication {
    static final AtomicInteger CHECKS = new AtomicInteger();
    static final AtomicInteger HELD = new AtomicInteger();
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static volatile CountDownLatch holding = new CountDownLatch(0);

    /**
     * From now on every check waits (at most a minute, as a failure timeout) until {@link #releaseChecks}; the
     * returned latch opens once {@code checks} of them are being held.
     */
    static CountDownLatch holdChecks(int checks) {
        holding = new CountDownLatch(checks);
        release = new CountDownLatch(1);
        return holding;
    }

    static void releaseChecks() {
        release.countDown();
    }

    @Override
    protected PasswordHasher passwordHasher() {
        PasswordHasher real = new Argon2idPasswordHasher();
        return new PasswordHasher() {
            @Override
            public PasswordHash hash(String password) {
                return real.hash(password);
            }

            @Override
            public boolean verify(String password, PasswordHash hash) {
                checked();
                return real.verify(password, hash);
            }

            @Override
            public void dummyVerify(String password) {
                checked();
                real.dummyVerify(password);
            }

            @Override
            public boolean needsRehash(PasswordHash hash) {
                return real.needsRehash(hash);
            }
        };
    }

    private static void checked() {
        CHECKS.incrementAndGet();
        CountDownLatch latch = release;
        if (latch.getCount() > 0) {
            HELD.incrementAndGet();
            holding.countDown();
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                HELD.decrementAndGet();
            }
        }
    }
}
