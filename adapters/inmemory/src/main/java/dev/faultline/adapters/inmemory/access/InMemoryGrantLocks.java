package dev.faultline.adapters.inmemory.access;

import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.domain.account.UserId;
import java.util.Objects;

/**
 * Nothing to wait for: the in-memory repositories apply each write at once under their own monitor, so no grant
 * is ever half-written while a revocation runs.
 */
public final class InMemoryGrantLocks implements GrantLocks {
    @Override
    public void lockForRevoking(UserId user) {
        Objects.requireNonNull(user, "user");
    }

    @Override
    public void lockForIssuing(UserId user) {
        Objects.requireNonNull(user, "user");
    }
}
