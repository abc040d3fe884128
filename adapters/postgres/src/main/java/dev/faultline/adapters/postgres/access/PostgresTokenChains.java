package dev.faultline.adapters.postgres.access;

import static dev.faultline.adapters.postgres.Rows.instant;
import static dev.faultline.adapters.postgres.Rows.optionalInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.adapters.postgres.Rows;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.IssuedRefresh;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.Revocation;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Chains in {@code token_chains}, every refresh hash they issued in {@code refresh_tokens} (migrations
 * {@code V2__access.sql}, {@code V8__grant_end_and_previous_refresh.sql}). A chain is read from its own row only
 * (current and previous hash in columns), so reading one never touches {@code refresh_tokens}; that table is
 * only looked up by its primary key, one presented hash at a time (joined to its chain's row when a refresh grant
 * needs both). Each write is a single statement, so it is atomic with or without a surrounding
 * transaction: adding a chain inserts the chain and its hashes together; rotating is an update conditional on
 * the expected current hash and on "not revoked", chained to the insert of the new hash. Of two concurrent
 * rotations the second blocks on the row, re-checks the condition against the winner's version, and changes
 * nothing.
 */
public final class PostgresTokenChains implements TokenChains {
    private static final String SELECT = """
            SELECT c.id, c.client_id, c.user_id, c.scopes, c.audience, c.current_refresh_hash, c.generation,
                   c.previous_refresh_hash, c.current_issued_at, c.refresh_expires_at, c.created_at, c.grant_ends_at,
                   c.last_approved_at, c.last_used_at, c.revoked_at, c.revocation_reason
            FROM token_chains c
            """;
    private static final String SELECT_PRESENTED = """
            SELECT c.id, c.client_id, c.user_id, c.scopes, c.audience, c.current_refresh_hash, c.generation,
                   c.previous_refresh_hash, c.current_issued_at, c.refresh_expires_at, c.created_at, c.grant_ends_at,
                   c.last_approved_at, c.last_used_at, c.revoked_at, c.revocation_reason,
                   r.token_hash AS presented_hash, r.generation AS presented_generation
            FROM refresh_tokens r JOIN token_chains c ON c.id = r.chain_id
            WHERE r.token_hash = :hash
            """;

    private final Jdbi jdbi;
    private final PostgresChainChanges changes;

    /** Chains whose revocations only other instances' listeners hear of (the database's notices). */
    public PostgresTokenChains(Jdbi jdbi) {
        this(jdbi, PostgresChainChanges.silent());
    }

    /** Chains whose revocations and deletions {@code changes} also delivers at once, after they commit. */
    public PostgresTokenChains(Jdbi jdbi, PostgresChainChanges changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    @Override
    public void add(TokenChain chain) {
        if (chain.generation() != 1) {
            throw new IllegalArgumentException("a new chain starts at generation 1");
        }
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                            WITH chain AS (
                                INSERT INTO token_chains (id, client_id, user_id, scopes, audience, current_refresh_hash,
                                    generation, current_issued_at, refresh_expires_at, created_at, grant_ends_at,
                                    last_approved_at, last_used_at, revoked_at, revocation_reason)
                                VALUES (:id, :clientId, :userId, :scopes, :audience, :current, 1,
                                    :currentIssuedAt, :refreshExpiresAt, :createdAt, :grantEndsAt, :lastApprovedAt,
                                    :lastUsedAt, :revokedAt, :reason)
                                RETURNING id)
                            INSERT INTO refresh_tokens (token_hash, chain_id, generation)
                            SELECT :current, chain.id, 1 FROM chain
                            """)
                    .bind("id", chain.id().value())
                    .bind("clientId", chain.clientId().value())
                    .bind("userId", chain.userId().value())
                    .bind("scopes", chain.scopes().asString())
                    .bind("audience", chain.audience().uri())
                    .bind("current", chain.currentRefresh().hex())
                    .bind("currentIssuedAt", timestamp(chain.currentIssuedAt()))
                    .bind("refreshExpiresAt", timestamp(chain.refreshExpiresAt()))
                    .bind("createdAt", timestamp(chain.createdAt()))
                    .bind("grantEndsAt", timestamp(chain.grantEndsAt()))
                    .bind("lastApprovedAt", timestamp(chain.lastApprovedAt()))
                    .bind("lastUsedAt", timestamp(chain.lastUsedAt()))
                    .bind("revokedAt", timestamp(chain.revocation().map(Revocation::at)))
                    .bind("reason", chain.revocation().map(r -> r.reason().name()).orElse(null))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (Rows.isUniqueViolation(e)) {
                throw new IllegalStateException("chain id or refresh token hash already issued", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<TokenChain> findById(ChainId id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE c.id = :id")
                .bind("id", id.value())
                .map(PostgresTokenChains::map)
                .findOne());
    }

    @Override
    public Optional<IssuedRefresh> findIssuedRefresh(TokenHash refreshHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT chain_id, token_hash, generation FROM refresh_tokens WHERE token_hash = :hash")
                .bind("hash", refreshHash.hex())
                .map((rs, ctx) -> new IssuedRefresh(new ChainId(rs.getObject("chain_id", UUID.class)),
                        new TokenHash(rs.getString("token_hash")), rs.getInt("generation")))
                .findOne());
    }

    /** One statement: the hash's row by its primary key, joined to the row of the chain that issued it. */
    @Override
    public Optional<Presented> findPresented(TokenHash refreshHash) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_PRESENTED)
                .bind("hash", refreshHash.hex())
                .map((rs, ctx) -> {
                    TokenChain chain = map(rs, ctx);
                    return new Presented(new IssuedRefresh(chain.id(), new TokenHash(rs.getString("presented_hash")),
                            rs.getInt("presented_generation")), chain);
                })
                .findOne());
    }

    @Override
    public boolean rotate(ChainId id, TokenHash expectedCurrent, TokenChain next) {
        if (!next.id().equals(id)) {
            throw new IllegalArgumentException("next is another chain");
        }
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("""
                            WITH rotated AS (
                                UPDATE token_chains
                                SET current_refresh_hash = :next, generation = :generation,
                                    previous_refresh_hash = current_refresh_hash,
                                    current_issued_at = :currentIssuedAt, refresh_expires_at = :refreshExpiresAt,
                                    last_used_at = :lastUsedAt
                                WHERE id = :id AND current_refresh_hash = :expected AND revoked_at IS NULL
                                  AND generation = :generation - 1
                                RETURNING id, generation)
                            INSERT INTO refresh_tokens (token_hash, chain_id, generation)
                            SELECT :next, rotated.id, rotated.generation FROM rotated
                            """)
                    .bind("id", id.value())
                    .bind("expected", expectedCurrent.hex())
                    .bind("next", next.currentRefresh().hex())
                    .bind("generation", next.generation())
                    .bind("currentIssuedAt", timestamp(next.currentIssuedAt()))
                    .bind("refreshExpiresAt", timestamp(next.refreshExpiresAt()))
                    .bind("lastUsedAt", timestamp(next.lastUsedAt()))
                    .execute()) == 1;
        } catch (UnableToExecuteStatementException e) {
            if (Rows.isUniqueViolation(e)) {
                throw new IllegalStateException("refresh token hash already issued", e);
            }
            throw e;
        }
    }

    @Override
    public void revoke(ChainId id, RevocationReason reason, Instant at) {
        jdbi.useHandle(handle -> {
            int revoked = handle.createUpdate("UPDATE token_chains SET revoked_at = :at, "
                            + "revocation_reason = :reason WHERE id = :id AND revoked_at IS NULL")
                    .bind("id", id.value())
                    .bind("at", timestamp(at))
                    .bind("reason", reason.name())
                    .execute();
            announceAfterCommit(handle, revoked == 0 ? List.of() : List.of(id));
        });
    }

    @Override
    public int revokeAllFor(UserId user, ClientId client, RevocationReason reason, Instant at) {
        return jdbi.withHandle(handle -> announceAfterCommit(handle, handle.createQuery("UPDATE token_chains "
                        + "SET revoked_at = :at, revocation_reason = :reason "
                        + "WHERE user_id = :user AND client_id = :client AND revoked_at IS NULL RETURNING id")
                .bind("user", user.value())
                .bind("client", client.value())
                .bind("at", timestamp(at))
                .bind("reason", reason.name())
                .map((rs, ctx) -> new ChainId(rs.getObject("id", UUID.class)))
                .list()));
    }

    @Override
    public int revokeAllFor(UserId user, RevocationReason reason, Instant at) {
        return jdbi.withHandle(handle -> announceAfterCommit(handle, handle.createQuery("UPDATE token_chains "
                        + "SET revoked_at = :at, revocation_reason = :reason "
                        + "WHERE user_id = :user AND revoked_at IS NULL RETURNING id")
                .bind("user", user.value())
                .bind("at", timestamp(at))
                .bind("reason", reason.name())
                .map((rs, ctx) -> new ChainId(rs.getObject("id", UUID.class)))
                .list()));
    }

    /**
     * Hands {@code changed} to this instance's listeners once they are committed: now, or when the surrounding unit
     * of work commits. Returns how many.
     */
    private int announceAfterCommit(Handle handle, List<ChainId> changed) {
        changes.changedHere(handle, changed);
        return changed.size();
    }

    @Override
    public List<TokenChain> listActiveFor(UserId user, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + """
                         WHERE c.user_id = :user AND c.revoked_at IS NULL AND c.refresh_expires_at > :now
                         ORDER BY c.created_at, c.id
                        """)
                .bind("user", user.value())
                .bind("now", timestamp(now))
                .map(PostgresTokenChains::map)
                .list());
    }

    @Override
    public List<TokenChain> listRevokedFor(UserId user, Set<RevocationReason> reasons, int limit) {
        if (reasons.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + """
                         WHERE c.user_id = :user AND c.revocation_reason IN (<reasons>)
                         ORDER BY c.revoked_at DESC, c.id
                         LIMIT :limit
                        """)
                .bind("user", user.value())
                .bindList("reasons", reasons.stream().map(RevocationReason::name).toList())
                .bind("limit", limit)
                .map(PostgresTokenChains::map)
                .list());
    }

    @Override
    public boolean recordUse(ChainId id, Instant at, Instant notBefore) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE token_chains SET last_used_at = :at
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)
                        """)
                .bind("id", id.value())
                .bind("at", timestamp(at))
                .bind("notBefore", timestamp(notBefore))
                .execute()) == 1;
    }

    /**
     * Deletes a bounded batch; the chains' refresh hashes go with them (ON DELETE CASCADE). {@code SKIP LOCKED}:
     * concurrent purgers take different rows and never wait for a chain being rotated.
     */
    @Override
    public int purgeEndedBefore(Instant cutoff, Instant theftSignalCutoff, int limit) {
        return jdbi.withHandle(handle -> announceAfterCommit(handle, handle.createQuery("""
                        DELETE FROM token_chains WHERE id IN (
                            SELECT id FROM token_chains
                            WHERE (revocation_reason IN (<theftSignals>) AND revoked_at < :theftSignalCutoff)
                               OR ((revocation_reason IS NULL OR revocation_reason NOT IN (<theftSignals>))
                                   AND (revoked_at < :cutoff OR refresh_expires_at < :cutoff))
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .bind("cutoff", timestamp(cutoff))
                .bind("theftSignalCutoff", timestamp(theftSignalCutoff))
                .bindList("theftSignals", Arrays.stream(RevocationReason.values())
                        .filter(RevocationReason::isTheftSignal).map(RevocationReason::name).toList())
                .bind("limit", limit)
                .map((rs, ctx) -> new ChainId(rs.getObject("id", UUID.class)))
                .list()));
    }

    private static TokenChain map(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<Instant> revokedAt = optionalInstant(rs, "revoked_at");
        Optional<Revocation> revocation = revokedAt.isEmpty() ? Optional.empty() : Optional.of(
                new Revocation(RevocationReason.valueOf(rs.getString("revocation_reason")), revokedAt.get()));
        return new TokenChain(
                new ChainId(rs.getObject("id", UUID.class)),
                new ClientId(rs.getString("client_id")),
                new UserId(rs.getObject("user_id", UUID.class)),
                Scopes.parse(rs.getString("scopes"), null),
                new ProtectedResource(rs.getString("audience")),
                revocation,
                new TokenHash(rs.getString("current_refresh_hash")),
                rs.getInt("generation"),
                Optional.ofNullable(rs.getString("previous_refresh_hash")).map(TokenHash::new),
                instant(rs, "current_issued_at"),
                instant(rs, "refresh_expires_at"),
                instant(rs, "created_at"),
                instant(rs, "grant_ends_at"),
                instant(rs, "last_approved_at"),
                optionalInstant(rs, "last_used_at"));
    }
}
