package dev.faultline.application.access.port.out;

import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * The server-side browser sessions. Every method is atomic on its own; the conditional updates settle races
 * between instances in the store, not in memory. Only the hash of a session's secret is ever passed in.
 */
public interface BrowserSessions {

    /**
     * Stores a new session.
     *
     * @throws IllegalStateException if a session with the same id or the same hash is already stored; nothing
     *                               is changed then
     */
    void add(BrowserSession session);

    /** The session whose secret hashes to {@code hash}: the lookup of every page request. */
    Optional<BrowserSession> findByHash(TokenHash hash);

    /**
     * Conditional update: records activity ({@code seenAt}, and the idle time-out it moves to) only if the
     * session is not revoked and its last recorded activity is before {@code staleBefore}. Concurrent requests
     * therefore write at most once per interval, and the time never moves backwards.
     *
     * @return true if this call wrote
     */
    boolean touch(BrowserSessionId id, Instant seenAt, Instant idleExpiresAt, Instant staleBefore);

    /**
     * Compare-and-set: marks the session revoked at {@code revokedAt} only if it is not revoked yet.
     *
     * @return true if this call revoked it; false if it was already revoked (the first time is kept) or does
     * not exist
     */
    boolean revoke(BrowserSessionId id, Instant revokedAt);

    /** Revokes every not yet revoked session of {@code user} ("sign out everywhere"); returns how many. */
    int revokeAllFor(UserId user, Instant revokedAt);

    /**
     * Deletes at most {@code limit} sessions that were revoked or timed out before {@code cutoff} (see
     * {@link BrowserSession#endedBefore}); live sessions are never deleted. Call again until it returns less
     * than {@code limit}. Safe to run on several instances at once.
     *
     * @return how many were deleted
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    int purgeEndedBefore(Instant cutoff, int limit);
}
