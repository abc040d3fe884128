package dev.faultline.domain.access;

import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every access and refresh token descended from one authorization code. Exactly one refresh token is current;
 * every earlier one is kept (as a hash) so that presenting it again is recognised as reuse, which revokes the
 * whole chain (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2). Revoked is terminal.
 *
 * @param audience          the resource (RFC 8707) the chain's access tokens are for
 * @param generation        1 for the refresh token issued with the chain, +1 per rotation
 * @param earlierRefreshes  every refresh token hash this chain issued before the current one, oldest first
 * @param currentIssuedAt   when the current refresh token was issued (start of the reuse grace window)
 * @param refreshExpiresAt  when the current refresh token stops working
 */
public record TokenChain(
        ChainId id,
        ClientId clientId,
        UserId userId,
        Scopes scopes,
        String audience,
        Optional<Revocation> revocation,
        TokenHash currentRefresh,
        int generation,
        List<TokenHash> earlierRefreshes,
        Instant currentIssuedAt,
        Instant refreshExpiresAt,
        Instant createdAt,
        Instant lastApprovedAt,
        Optional<Instant> lastUsedAt) {

    public TokenChain {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(currentRefresh, "currentRefresh");
        Objects.requireNonNull(currentIssuedAt, "currentIssuedAt");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastApprovedAt, "lastApprovedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        earlierRefreshes = List.copyOf(earlierRefreshes);
        if (generation != earlierRefreshes.size() + 1) {
            throw new IllegalArgumentException("generation " + generation + " does not fit "
                    + earlierRefreshes.size() + " earlier refresh tokens");
        }
        if (earlierRefreshes.contains(currentRefresh)) {
            throw new IllegalArgumentException("the current refresh token cannot also be an earlier one");
        }
    }

    /** Starts a chain when an authorization code is exchanged. */
    public static TokenChain start(ChainId id, ClientId clientId, UserId userId, Scopes scopes, String audience,
            TokenHash firstRefresh, Instant now, Duration refreshLifetime) {
        return new TokenChain(id, clientId, userId, scopes, audience, Optional.empty(), firstRefresh, 1, List.of(),
                now, now.plus(refreshLifetime), now, now, Optional.empty());
    }

    public boolean isRevoked() {
        return revocation.isPresent();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(refreshExpiresAt);
    }

    /** Active: neither revoked nor past its refresh expiry. Access tokens of an inactive chain are refused. */
    public boolean isActiveAt(Instant now) {
        return !isRevoked() && !isExpiredAt(now);
    }

    /** Was {@code hash} ever issued as a refresh token of this chain (current or earlier)? */
    public boolean wasIssuedHere(TokenHash hash) {
        return currentRefresh.matches(hash) || earlierRefreshes.stream().anyMatch(h -> h.matches(hash));
    }

    /**
     * Presents a refresh token. On success the chain moves to {@code next}; the access token may carry
     * {@code requested} scopes if they narrow the grant (RFC 6749 §6), while the chain keeps its grant.
     */
    public RefreshOutcome refresh(TokenHash presented, TokenHash next, Optional<Scopes> requested, Instant now,
            RotationPolicy policy) {
        if (isRevoked()) {
            return new RefreshOutcome.ChainRevoked(id, revocation.get().reason());
        }
        if (isExpiredAt(now)) {
            return new RefreshOutcome.Expired(id, refreshExpiresAt);
        }
        if (currentRefresh.matches(presented)) {
            return rotateTo(next, requested, now, policy);
        }
        if (isImmediatePredecessor(presented) && withinGrace(now, policy.reuseGrace())) {
            return rotateTo(next, requested, now, policy);
        }
        if (wasIssuedHere(presented)) {
            return new RefreshOutcome.ReuseDetected(revoke(RevocationReason.REFRESH_REUSE, now));
        }
        return new RefreshOutcome.UnknownToken();
    }

    /**
     * What an access token of this chain may do: the scopes it claims that the grant also holds. The grant is
     * the authority; a token's claims are only trusted as far as the grant goes, so a token minted with more
     * (by anyone who got hold of a signing key) gains nothing. Empty: nothing at all.
     */
    public Optional<Scopes> effectiveScopes(Scopes claimed) {
        return claimed.intersection(scopes);
    }

    /** A busy chain's last use is recorded at most once per this interval (see {@link #shouldRecordUse}). */
    public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(5);

    /** True when the last recorded use is older than {@link #USE_RECORDING_INTERVAL} (or there is none). */
    public boolean shouldRecordUse(Instant now) {
        return lastUsedAt.map(used -> used.isBefore(now.minus(USE_RECORDING_INTERVAL))).orElse(true);
    }

    /** The same chain with its last use at {@code now}. */
    public TokenChain usedAt(Instant now) {
        return new TokenChain(id, clientId, userId, scopes, audience, revocation, currentRefresh, generation,
                earlierRefreshes, currentIssuedAt, refreshExpiresAt, createdAt, lastApprovedAt, Optional.of(now));
    }

    /** Revokes the chain. Revoked is terminal: revoking again keeps the first reason and time. */
    public TokenChain revoke(RevocationReason reason, Instant now) {
        if (isRevoked()) {
            return this;
        }
        return new TokenChain(id, clientId, userId, scopes, audience, Optional.of(new Revocation(reason, now)),
                currentRefresh, generation, earlierRefreshes, currentIssuedAt, refreshExpiresAt, createdAt,
                lastApprovedAt, lastUsedAt);
    }

    /** The refresh token hash that would be accepted under grace right now, if any. */
    public Optional<TokenHash> immediatePredecessor() {
        return earlierRefreshes.isEmpty()
                ? Optional.empty() : Optional.of(earlierRefreshes.get(earlierRefreshes.size() - 1));
    }

    private boolean isImmediatePredecessor(TokenHash presented) {
        return immediatePredecessor().map(previous -> previous.matches(presented)).orElse(false);
    }

    private boolean withinGrace(Instant now, Duration grace) {
        return now.isBefore(currentIssuedAt.plus(grace));
    }

    private RefreshOutcome rotateTo(TokenHash next, Optional<Scopes> requested, Instant now, RotationPolicy policy) {
        Scopes accessScopes = requested.orElse(scopes);
        if (!scopes.containsAll(accessScopes)) {
            return new RefreshOutcome.ScopeWidening(accessScopes, scopes);
        }
        if (wasIssuedHere(next)) {
            throw new IllegalArgumentException("a new refresh token must never repeat one this chain issued");
        }
        List<TokenHash> earlier = new ArrayList<>(earlierRefreshes);
        earlier.add(currentRefresh);
        TokenChain rotated = new TokenChain(id, clientId, userId, scopes, audience, revocation, next,
                generation + 1, earlier, now, now.plus(policy.refreshLifetime()), createdAt, lastApprovedAt,
                Optional.of(now));
        return new RefreshOutcome.Rotated(rotated, accessScopes);
    }
}
