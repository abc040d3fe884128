package dev.faultline.adapters.postgres.access;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.adapters.postgres.Rows;

import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.PersonalTokenTitle;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Personal tokens in the {@code personal_tokens} table (migration {@code V4__personal_tokens.sql}). Every
 * race is settled by one SQL statement: revocation and use recording are conditional updates, uniqueness of
 * id and hash is a constraint, and the purge deletes a bounded batch with {@code SKIP LOCKED} so that
 * several instances purging at once neither block nor delete twice.
 */
public final class PostgresPersonalTokens implements PersonalTokens {
    private static final String COLUMNS =
            "id, user_id, title, scopes, token_hash, created_at, last_used_at, expires_at, revoked_at";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public PostgresPersonalTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(PersonalToken token) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO personal_tokens (" + COLUMNS + ") VALUES "
                            + "(:id, :userId, :title, :scopes, :tokenHash, :createdAt, :lastUsedAt, :expiresAt, :revokedAt)")
                    .bind("id", token.id().value())
                    .bind("userId", token.owner().value())
                    .bind("title", token.title().value())
                    .bind("scopes", token.scopes().asString())
                    .bind("tokenHash", token.tokenHash().hex())
                    .bind("createdAt", timestamp(token.createdAt()))
                    .bind("lastUsedAt", token.lastUsedAt().map(Rows::timestamp).orElse(null))
                    .bind("expiresAt", token.expiresAt().map(Rows::timestamp).orElse(null))
                    .bind("revokedAt", token.revokedAt().map(Rows::timestamp).orElse(null))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new IllegalStateException("a personal token with the same id or hash is already stored", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<PersonalToken> findById(PersonalTokenId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM personal_tokens WHERE id = :id")
                .bind("id", id.value())
                .map(PostgresPersonalTokens::map)
                .findOne());
    }

    @Override
    public Optional<PersonalToken> findByHash(TokenHash hash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM personal_tokens WHERE token_hash = :hash")
                .bind("hash", hash.hex())
                .map(PostgresPersonalTokens::map)
                .findOne());
    }

    @Override
    public List<PersonalToken> listForUser(UserId owner) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM personal_tokens "
                        + "WHERE user_id = :owner ORDER BY created_at DESC, id")
                .bind("owner", owner.value())
                .map(PostgresPersonalTokens::map)
                .list());
    }

    @Override
    public boolean revoke(PersonalTokenId id, Instant revokedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE personal_tokens SET revoked_at = :revokedAt WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id.value())
                .bind("revokedAt", timestamp(revokedAt))
                .execute()) == 1;
    }

    @Override
    public int revokeAllFor(UserId owner, Instant revokedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE personal_tokens SET revoked_at = :revokedAt WHERE user_id = :owner AND revoked_at IS NULL")
                .bind("owner", owner.value())
                .bind("revokedAt", timestamp(revokedAt))
                .execute());
    }

    @Override
    public boolean recordUse(PersonalTokenId id, Instant usedAt, Instant staleBefore) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE personal_tokens SET last_used_at = :usedAt "
                        + "WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :staleBefore)")
                .bind("id", id.value())
                .bind("usedAt", timestamp(usedAt))
                .bind("staleBefore", timestamp(staleBefore))
                .execute()) == 1;
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM personal_tokens WHERE id IN (
                            SELECT id FROM personal_tokens
                            WHERE revoked_at < :cutoff OR expires_at < :cutoff
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        """)
                .bind("cutoff", timestamp(cutoff))
                .bind("limit", limit)
                .execute());
    }

    private static PersonalToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PersonalToken(
                new PersonalTokenId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                new PersonalTokenTitle(rs.getString("title")),
                Scopes.parse(rs.getString("scopes"), null),
                new TokenHash(rs.getString("token_hash")),
                nullableInstant(rs, "created_at"),
                nullableInstant(rs, "last_used_at"),
                nullableInstant(rs, "expires_at"),
                nullableInstant(rs, "revoked_at"));
    }
}
