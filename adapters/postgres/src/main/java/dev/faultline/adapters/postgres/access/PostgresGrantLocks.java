package dev.faultline.adapters.postgres.access;

import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.domain.account.UserId;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The person's {@code users} row as the lock: {@code FOR UPDATE} to revoke, {@code FOR KEY SHARE} to issue. Every
 * grant table references that row by foreign key, so inserting a grant row would take {@code FOR KEY SHARE} on it
 * by itself; the use cases take it explicitly all the same, since that is the port's promise, not this schema's.
 * Outside a transaction the statement waits for the row and its lock ends with it.
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
