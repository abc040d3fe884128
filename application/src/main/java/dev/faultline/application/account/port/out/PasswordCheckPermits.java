package dev.faultline.application.account.port.out;

import java.util.Optional;

/**
 * The bulkhead in front of password checks: a bounded number of slow hashes (Argon2id: tens of milliseconds of one
 * core and about 19 MiB of heap each) may run at once, so a flood of sign-ins cannot take every core, thread and
 * the heap from everything else the server does (MCP traffic above all).
 */
public interface PasswordCheckPermits {
    /**
     * A permit for one password check, to be closed once the check is done; or empty when none becomes free within
     * the adapter's short, bounded wait. Never waits longer than that, never throws for being busy.
     */
    Optional<Permit> tryAcquire();

    /** Held while a password is checked; closing it (once) lets the next check run. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
