package dev.faultline.adapters.postgres.access;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.adapters.postgres.Rows;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Browser sessions in the {@code browser_sessions} table (migration {@code V6__browser_sessions.sql}). Every
 * race is settled by one SQL statement: activity and revocation are conditional updates, uniqueness of id and
 * hash is a constraint, and the purge deletes a bounded batch with {@code SKIP LOCKED} so that several
 * instances purging at once neither block nor delete twice.
 */
public final class PostgresBrowserSessions implements BrowserSessions {
    private static final String COLUMNS =
            "id, user_id, token_hash, created_at, last_seen_at, idle_expires_at, expires_at, revoked_at";

    private final Jdbi jdbi;

    public PostgresBrowserSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(BrowserSession session) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO browser_sessions (" + COLUMNS + ") VALUES "
                            + "(:id, :userId, :tokenHash, :createdAt, :lastSeenAt, :idleExpiresAt, :expiresAt, :revokedAt)")
                    .bind("id", session.id().value())
                    .bind("userId", session.user().value())
                    .bind("tokenHash", session.tokenHash().hex())
                    .bind("createdAt", timestamp(session.createdAt()))
                    .bind("lastSeenAt", timestamp(session.lastSeenAt()))
                    .bind("idleExpiresAt", timestamp(session.idleExpiresAt()))
                    .bind("expiresAt", timestamp(session.expiresAt()))
                    .bind("revokedAt", session.revokedAt().map(Rows::timestamp).orElse(null))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (Rows.isUniqueViolation(e)) {
                throw new IllegalStateException("a browser session with the same id or hash is already stored", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<BrowserSession> findByHash(TokenHash hash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM browser_sessions WHERE token_hash = :hash")
                .bind("hash", hash.hex())
                .map(PostgresBrowserSessions::map)
                .findOne());
    }

    @Override
    public boolean touch(BrowserSessionId id, Instant seenAt, Instant idleExpiresAt, Instant staleBefore) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE browser_sessions SET last_seen_at = :seenAt, idle_expires_at = :idleExpiresAt
                        WHERE id = :id AND revoked_at IS NULL AND last_seen_at < :staleBefore
                        """)
                .bind("id", id.value())
                .bind("seenAt", timestamp(seenAt))
                .bind("idleExpiresAt", timestamp(idleExpiresAt))
                .bind("staleBefore", timestamp(staleBefore))
                .execute()) == 1;
    }

    @Override
    public boolean revoke(BrowserSessionId id, Instant revokedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE browser_sessions SET revoked_at = :revokedAt WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id.value())
                .bind("revokedAt", timestamp(revokedAt))
                .execute()) == 1;
    }

    @Override
    public int revokeAllFor(UserId user, Instant revokedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE browser_sessions SET revoked_at = :revokedAt WHERE user_id = :user AND revoked_at IS NULL")
                .bind("user", user.value())
                .bind("revokedAt", timestamp(revokedAt))
                .execute());
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM browser_sessions WHERE id IN (
                            SELECT id FROM browser_sessions
                            WHERE revoked_at < :cutoff OR idle_expires_at < :cutoff
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        """)
                .bind("cutoff", timestamp(cutoff))
                .bind("limit", limit)
                .execute());
    }

    private static BrowserSession map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BrowserSession(
                new BrowserSessionId(rs.getObject("id", UUID.class)),
                new TokenHash(rs.getString("token_hash")),
                new UserId(rs.getObject("user_id", UUID.class)),
                nullableInstant(rs, "created_at"),
                nullableInstant(rs, "last_seen_at"),
                nullableInstant(rs, "idle_expires_at"),
                nullableInstant(rs, "expires_at"),
                Optional.ofNullable(nullableInstant(rs, "revoked_at")));
    }
}
