package dev.faultline.domain.access;

import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every access and refresh token descended from one authorization code. Exactly one refresh token is current;
 * every earlier one stays recorded in the store of issued tokens (by hash, with its generation) so that
 * presenting it again is recognised as reuse, which revokes the whole chain (OAuth 2.1 §4.3.1, RFC 9700
 * §4.14.2), except that the immediately previous token presented within the reuse grace after its rotation
 * is refused without revoking (see {@link RotationPolicy}). The chain itself carries only the current and the immediately previous hash, so loading it costs
 * the same however often it rotated. A grant ends {@code grantLifetime} after approval however often it is
 * refreshed. Revoked is terminal.
 *
 * @param audience          the resource (RFC 8707) the chain's access tokens are for
 * @param generation        1 for the refresh token issued with the chain, +1 per rotation
 * @param previousRefresh   the refresh token rotated away last (the only one a reuse grace may accept); empty
 *                          exactly at generation 1
 * @param currentIssuedAt   when the current refresh token was issued (start of the reuse grace window)
 * @param refreshExpiresAt  when the current refresh token stops working; never after {@code grantEndsAt}
 * @param grantEndsAt       the absolute end of the grant: no refresh, and no access token of it, works from then
 */
public record TokenChain(
        ChainId id,
        ClientId clientId,
        UserId userId,
        Scopes scopes,
        ProtectedResource audience,
        Optional<Revocation> revocation,
        TokenHash currentRefresh,
        int generation,
        Optional<TokenHash> previousRefresh,
        Instant currentIssuedAt,
        Instant refreshExpiresAt,
        Instant createdAt,
        Instant grantEndsAt,
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
        Objects.requireNonNull(previousRefresh, "previousRefresh");
        Objects.requireNonNull(currentIssuedAt, "currentIssuedAt");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(grantEndsAt, "grantEndsAt");
        Objects.requireNonNull(lastApprovedAt, "lastApprovedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if (generation < 1 || (generation == 1) != previousRefresh.isEmpty()) {
            throw new IllegalArgumentException("generation " + generation + " does not fit "
                    + (previousRefresh.isEmpty() ? "no" : "a") + " previous refresh token");
        }
        if (previousRefresh.filter(currentRefresh::equals).isPresent()) {
            throw new IllegalArgumentException("the current refresh token cannot also be the previous one");
        }
        if (!grantEndsAt.isAfter(createdAt) || refreshExpiresAt.isAfter(grantEndsAt)) {
            throw new IllegalArgumentException("a grant ends after it starts, and no refresh token outlives it");
        }
    }

    /** Starts a chain when an authorization code is exchanged. */
    public static TokenChain start(ChainId id, ClientId clientId, UserId userId, Scopes scopes, ProtectedResource audience,
            TokenHash firstRefresh, Instant now, RotationPolicy policy) {
        Instant grantEndsAt = now.plus(policy.grantLifetime());
        return new TokenChain(id, clientId, userId, scopes, audience, Optional.empty(), firstRefresh, 1,
                Optional.empty(), now, earliest(now.plus(policy.refreshLifetime()), grantEndsAt), now, grantEndsAt,
                now, Optional.empty());
    }

    public boolean isRevoked() {
        return revocation.isPresent();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(refreshExpiresAt);
    }

    /** The grant's absolute end has come: nothing of this chain works any more. */
    public boolean hasEndedAt(Instant now) {
        return !now.isBefore(grantEndsAt);
    }

    /** Active: neither revoked nor past its refresh expiry. Access tokens of an inactive chain are refused. */
    public boolean isActiveAt(Instant now) {
        return !isRevoked() && !isExpiredAt(now);
    }

    /** The current refresh token, as the store of issued tokens records it. */
    public IssuedRefresh current() {
        return new IssuedRefresh(id, currentRefresh, generation);
    }

    /**
     * Presents a refresh token this chain issued (as the store found it by its hash). On success the chain moves
     * to {@code next}; the access token may carry {@code requested} scopes if they narrow the grant (RFC 6749
     * §6), while the chain keeps its grant.
     */
    public RefreshOutcome refresh(IssuedRefresh presented, TokenHash next, Optional<Scopes> requested,
            Instant now, RotationPolicy policy) {
        if (!presented.chainId().equals(id)) {
            return new RefreshOutcome.UnknownToken();
        }
        if (isRevoked()) {
            return new RefreshOutcome.ChainRevoked(id, revocation.get().reason());
        }
        if (hasEndedAt(now)) {
            return new RefreshOutcome.GrantEnded(id, grantEndsAt);
        }
        if (isExpiredAt(now)) {
            return new RefreshOutcome.Expired(id, refreshExpiresAt);
        }
        if (presented.generation() == generation && currentRefresh.matches(presented.hash())) {
            return rotateTo(next, requested, now, policy);
        }
        if (isImmediatePredecessor(presented) && withinGrace(now, policy.reuseGrace())) {
            return new RefreshOutcome.JustRotated(id, currentIssuedAt);
        }
        if (presented.generation() < generation) {
            return new RefreshOutcome.ReuseDetected(revoke(RevocationReason.REFRESH_REUSE, now));
        }
        return new RefreshOutcome.UnknownToken();
    }

    /**
     * Rule "an access token lives only with its grant": whether an access token of this chain (already verified:
     * signature, issuer, audience, expiry) is admitted at {@code now}, and with which scopes. The chain must be
     * {@linkplain #isActiveAt active}, the token must name this chain's person, client and resource, and it may do
     * only what the grant allows ({@link #effectiveScopes}).
     */
    public AccessAdmission admit(AccessTokenClaims claims, Instant now) {
        return state().admit(claims, now);
    }

    /** What admitting an access token needs of this chain, without its refresh token hashes. */
    public ChainState state() {
        return new ChainState(id, clientId, userId, scopes, audience, revocation, refreshExpiresAt, grantEndsAt,
                lastUsedAt);
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
        return state().shouldRecordUse(now);
    }

    /** The same chain with its last use at {@code now}. */
    public TokenChain usedAt(Instant now) {
        return new TokenChain(id, clientId, userId, scopes, audience, revocation, currentRefresh, generation,
                previousRefresh, currentIssuedAt, refreshExpiresAt, createdAt, grantEndsAt, lastApprovedAt,
                Optional.of(now));
    }

    /** Revokes the chain. Revoked is terminal: revoking again keeps the first reason and time. */
    public TokenChain revoke(RevocationReason reason, Instant now) {
        if (isRevoked()) {
            return this;
        }
        return new TokenChain(id, clientId, userId, scopes, audience, Optional.of(new Revocation(reason, now)),
                currentRefresh, generation, previousRefresh, currentIssuedAt, refreshExpiresAt, createdAt,
                grantEndsAt, lastApprovedAt, lastUsedAt);
    }

    /** The refresh token hash that would be accepted under grace right now, if any. */
    public Optional<TokenHash> immediatePredecessor() {
        return previousRefresh;
    }

    private boolean isImmediatePredecessor(IssuedRefresh presented) {
        return presented.generation() == generation - 1
                && previousRefresh.map(previous -> previous.matches(presented.hash())).orElse(false);
    }

    private boolean withinGrace(Instant now, Duration grace) {
        return now.isBefore(currentIssuedAt.plus(grace));
    }

    private RefreshOutcome rotateTo(TokenHash next, Optional<Scopes> requested, Instant now, RotationPolicy policy) {
        Scopes accessScopes = requested.orElse(scopes);
        if (!scopes.containsAll(accessScopes)) {
            return new RefreshOutcome.ScopeWidening(accessScopes, scopes);
        }
        if (currentRefresh.matches(next) || previousRefresh.map(next::matches).orElse(false)) {
            throw new IllegalArgumentException("a new refresh token must never repeat one this chain issued");
        }
        TokenChain rotated = new TokenChain(id, clientId, userId, scopes, audience, revocation, next,
                generation + 1, Optional.of(currentRefresh), now,
                earliest(now.plus(policy.refreshLifetime()), grantEndsAt), createdAt, grantEndsAt, lastApprovedAt,
                Optional.of(now));
        return new RefreshOutcome.Rotated(rotated, accessScopes);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
