package dev.faultline.application.access.port.out;

import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored personal access tokens. Every method is atomic on its own (no surrounding transaction needed);
 * the conditional updates settle races between instances in the store, not in memory.
 */
public interface PersonalTokens {

    /**
     * Stores a new token.
     *
     * @throws IllegalStateException if a token with the same id or the same hash is already stored; nothing
     *                               is changed then
     */
    void add(PersonalToken token);

    Optional<PersonalToken> findById(PersonalTokenId id);

    /** The token whose secret hashes to {@code hash}; the lookup path of every authentication. */
    Optional<PersonalToken> findByHash(TokenHash hash);

    /** Every stored token of {@code owner} (revoked and expired ones too, until purged), newest first. */
    List<PersonalToken> listForUser(UserId owner);

    /**
     * Compare-and-set: marks the token revoked at {@code revokedAt} only if it is not revoked yet.
     *
     * @return true if this call revoked it; false if it was already revoked (the first time is kept) or does
     * not exist
     */
    boolean revoke(PersonalTokenId id, Instant revokedAt);

    /** Revokes every not-yet-revoked token of {@code owner} at once (expired ones too); returns how many. */
    int revokeAllFor(UserId owner, Instant revokedAt);

    /**
     * Conditional update: sets the last use to {@code usedAt} unless a use at or after {@code staleBefore}
     * is already recorded, so concurrent requests write at most once per interval and the time never moves
     * backwards.
     *
     * @return true if this call wrote
     */
    boolean recordUse(PersonalTokenId id, Instant usedAt, Instant staleBefore);

    /**
     * Deletes at most {@code limit} tokens that were revoked or expired before {@code cutoff} (see
     * {@link PersonalToken#endedBefore}); active tokens are never deleted. Call again until it returns less
     * than {@code limit}. Safe to run on several instances at once.
     *
     * @return how many were deleted
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    int purgeEndedBefore(Instant cutoff, int limit);
}
