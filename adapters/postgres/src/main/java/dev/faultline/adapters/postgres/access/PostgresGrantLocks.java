package dev.faultline.adapters.postgres.access;

import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.domain.account.UserId;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The person's {@code users} row as the lock: {@code FOR UPDATE} to revoke, {@code FOR KEY SHARE} to issue. Every
 * grant table references that row by foreign key, and inserting a grant row takes {@code FOR KEY SHARE} on it
 * until commit by itself, so a plain insert (a code, a personal token) needs no explicit lock.
 */
public final class PostgresGrantLocks implements GrantLocks {
    private final Jdbi jdbi;

    public PostgresGrantLocks(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi);
    }

    @Override
    public void lockForRevoking(UserId user) {
        lock(user, "FOR UPDATE");
    }

    @Override
    public void lockForIssuing(UserId user) {
        lock(user, "FOR KEY SHARE");
    }

    private void lock(UserId user, String mode) {
        jdbi.useHandle(handle -> handle.createQuery("SELECT id FROM users WHERE id = :user " + mode)
                .bind("user", user.value())
                .mapToMap()
                .list());
    }
}
