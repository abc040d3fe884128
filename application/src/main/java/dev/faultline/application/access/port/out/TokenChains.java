package dev.faultline.application.access.port.out;

import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.IssuedRefresh;
import dev.faultline.domain.access.Revocation;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Token chains and every refresh-token hash each one ever issued. A refresh-token hash belongs to at most one
 * chain, forever (until the chain is purged). Loading a chain ({@link #findById}, the lists) reads only the
 * chain's own state, never the hashes it issued earlier, so its cost does not grow with how often it rotated:
 * the bearer check on every MCP call loads a chain. Earlier hashes are only ever looked up one at a time, by
 * index ({@link #findIssuedRefresh}), when a refresh token is presented.
 */
public interface TokenChains {
    /** Stores a new chain with its first refresh token. Duplicate chain id or refresh hash: IllegalStateException. */
    void add(TokenChain chain);

    Optional<TokenChain> findById(ChainId id);

    /**
     * The record of {@code refreshHash} if some chain issued it at any time (the current token or any earlier
     * one): which chain, and at which generation.
     */
    Optional<IssuedRefresh> findIssuedRefresh(TokenHash refreshHash);

    /**
     * What a refresh grant needs when {@code refreshHash} is presented: its record ({@link #findIssuedRefresh})
     * together with the chain that issued it ({@link #findById}), as one consistent read. Empty when no chain
     * issued it. An adapter reads both in one look-up; this default composes the two.
     */
    default Optional<Presented> findPresented(TokenHash refreshHash) {
        return findIssuedRefresh(refreshHash)
                .flatMap(issued -> findById(issued.chainId()).map(chain -> new Presented(issued, chain)));
    }

    /** A presented refresh token's record and the chain that issued it. */
    record Presented(IssuedRefresh issued, TokenChain chain) {
        public Presented {
            Objects.requireNonNull(issued, "issued");
            Objects.requireNonNull(chain, "chain");
            if (!issued.chainId().equals(chain.id())) {
                throw new IllegalArgumentException("the refresh token was issued by chain " + issued.chainId()
                        + ", not " + chain.id());
            }
        }
    }

    /**
     * Compare-and-set: replaces the stored chain with {@code next} only if the chain is not revoked and its
     * current refresh hash is still {@code expectedCurrent}. {@code next} must be the outcome of a rotation of
     * that state (one generation on, same identity). Returns whether this call won. Of two concurrent rotations
     * from the same state exactly one wins. Holds with or without a surrounding transaction.
     */
    boolean rotate(ChainId id, TokenHash expectedCurrent, TokenChain next);

    /**
     * Revokes the chain unless it is already revoked (then nothing changes: the first reason and time stay).
     * A revocation is never undone by a concurrent rotation: rotate refuses a revoked chain.
     */
    void revoke(ChainId id, RevocationReason reason, Instant at);

    /** Stores {@code revocation}, as an aggregate decided it, under the rules of {@link #revoke(ChainId, RevocationReason, Instant)}. */
    default void revoke(ChainId id, Revocation revocation) {
        revoke(id, revocation.reason(), revocation.at());
    }

    /** Revokes every not-yet-revoked chain of {@code user} with {@code client}; returns how many were revoked. */
    int revokeAllFor(UserId user, ClientId client, RevocationReason reason, Instant at);

    /** Revokes every not-yet-revoked chain of {@code user}, whatever the client; returns how many were revoked. */
    int revokeAllFor(UserId user, RevocationReason reason, Instant at);

    /** The chains of {@code user} that are active at {@code now} (not revoked, refresh not expired). */
    List<TokenChain> listActiveFor(UserId user, Instant now);

    /**
     * The chains of {@code user} that were revoked for one of {@code reasons} (until purged), most recently revoked
     * first, at most {@code limit}.
     */
    List<TokenChain> listRevokedFor(UserId user, Set<RevocationReason> reasons, int limit);

    /**
     * Records that an access token of the chain was used at {@code at}, unless a use at or after
     * {@code notBefore} is recorded already (so a busy chain costs one write per interval, not per request).
     * Returns whether it wrote. Unknown chains are ignored.
     */
    boolean recordUse(ChainId id, Instant at, Instant notBefore);

    /**
     * Deletes at most {@code limit} chains, with their refresh-token hashes, that were revoked before
     * {@code cutoff} or whose refresh token expired before {@code cutoff}; except that a chain revoked for a theft
     * signal ({@link RevocationReason#isTheftSignal()}) is the user's security event and is deleted only once it
     * was revoked before {@code theftSignalCutoff}. Returns how many chains.
     */
    int purgeEndedBefore(Instant cutoff, Instant theftSignalCutoff, int limit);
}
