package dev.faultline.adapters.postgres.access;

import static dev.faultline.adapters.postgres.Rows.instant;
import static dev.faultline.adapters.postgres.Rows.optionalInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.adapters.postgres.Rows;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.RedirectUri;
import dev.faultline.domain.access.Scopes;
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
import org.jdbi.v3.core.statement.Update;

/**
 * Codes in {@code authorization_codes} (migration {@code V2__access.sql}). Redemption is one conditional
 * update ({@code WHERE redeemed_at IS NULL}): of two concurrent redemptions the second blocks on the row, then
 * finds it redeemed and changes nothing.
 */
public final class PostgresAuthorizationCodes implements AuthorizationCodes {
    private static final String COLUMNS = "code_hash, client_id, user_id, redirect_uri, scopes, resource, "
            + "code_challenge, issued_at, expires_at, redeemed_at, produced_chain_id";

    private final Jdbi jdbi;

    public PostgresAuthorizationCodes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(AuthorizationCode code) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO authorization_codes (" + COLUMNS + ") VALUES "
                            + "(:codeHash, :clientId, :userId, :redirectUri, :scopes, :resource, :challenge, "
                            + ":issuedAt, :expiresAt, :redeemedAt, :producedChain)")
                    .bind("codeHash", code.codeHash().hex())
                    .bind("clientId", code.clientId().value())
                    .bind("userId", code.userId().value())
                    .bind("redirectUri", code.redirectUri().value())
                    .bind("scopes", code.scopes().asString())
                    .bind("resource", code.resource().uri())
                    .bind("challenge", code.challenge().value())
                    .bind("issuedAt", timestamp(code.issuedAt()))
                    .bind("expiresAt", timestamp(code.expiresAt()))
                    .bind("redeemedAt", timestamp(code.redeemedAt()))
                    .bind("producedChain", code.producedChain().map(ChainId::value).orElse(null))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (Rows.isUniqueViolation(e)) {
                throw new IllegalStateException("authorization code hash already exists", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<AuthorizationCode> findByHash(TokenHash codeHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM authorization_codes WHERE code_hash = :codeHash")
                .bind("codeHash", codeHash.hex())
                .map(PostgresAuthorizationCodes::map)
                .findOne());
    }

    @Override
    public boolean markRedeemed(TokenHash codeHash, Instant redeemedAt, ChainId producedChain) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE authorization_codes "
                        + "SET redeemed_at = :redeemedAt, produced_chain_id = :chain "
                        + "WHERE code_hash = :codeHash AND redeemed_at IS NULL")
                .bind("codeHash", codeHash.hex())
                .bind("redeemedAt", timestamp(redeemedAt))
                .bind("chain", producedChain.value())
                .execute()) == 1;
    }

    @Override
    public int discardUnredeemed(UserId user, Optional<ClientId> client) {
        return jdbi.withHandle(handle -> {
            Update delete = handle.createUpdate("DELETE FROM authorization_codes "
                            + "WHERE user_id = :user AND redeemed_at IS NULL"
                            + (client.isPresent() ? " AND client_id = :client" : ""))
                    .bind("user", user.value());
            client.ifPresent(id -> delete.bind("client", id.value()));
            return delete.execute();
        });
    }

    @Override
    public int purgeExpiredBefore(Instant cutoff, int limit) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM authorization_codes WHERE code_hash IN (
                            SELECT code_hash FROM authorization_codes
                            WHERE expires_at < :cutoff
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        """)
                .bind("cutoff", timestamp(cutoff))
                .bind("limit", limit)
                .execute());
    }

    private static AuthorizationCode map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuthorizationCode(
                new TokenHash(rs.getString("code_hash")),
                new ClientId(rs.getString("client_id")),
                new UserId(rs.getObject("user_id", UUID.class)),
                new RedirectUri(rs.getString("redirect_uri")),
                Scopes.parse(rs.getString("scopes"), null),
                new ProtectedResource(rs.getString("resource")),
                new PkceChallenge(rs.getString("code_challenge")),
                instant(rs, "issued_at"),
                instant(rs, "expires_at"),
                optionalInstant(rs, "redeemed_at"),
                Optional.ofNullable(rs.getObject("produced_chain_id", UUID.class)).map(ChainId::new));
    }
}
