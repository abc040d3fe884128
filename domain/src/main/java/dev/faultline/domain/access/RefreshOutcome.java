package dev.faultline.domain.access;

import java.time.Instant;
import java.util.function.Function;

/** The outcome of presenting a refresh token to its chain. */
public sealed interface RefreshOutcome {
    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(
            Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
            Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked, Function<Expired, R> expired,
            Function<GrantEnded, R> grantEnded, Function<UnknownToken, R> unknownToken,
            Function<ScopeWidening, R> scopeWidening);

    /** The presented token was live; {@code chain} now has the new current token. */
    record Rotated(TokenChain chain, Scopes accessTokenScopes) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
                Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked,
                Function<Expired, R> expired, Function<GrantEnded, R> grantEnded,
                Function<UnknownToken, R> unknownToken, Function<ScopeWidening, R> scopeWidening) {
            return rotated.apply(this);
        }
    }

    /**
     * An earlier (rotated-away) token was presented: {@code chain} is now revoked for reuse. The revocation it
     * carries is what must be stored; nobody re-states the reason.
     */
    record ReuseDetected(TokenChain chain) implements RefreshOutcome {
        public ReuseDetected {
            if (!chain.isRevoked()) {
                throw new IllegalArgumentException("a chain that detected reuse is revoked");
            }
        }

        public Revocation revocation() {
            return chain.revocation().orElseThrow();
        }

        @Override
        public <R> R fold(
                Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
                Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked,
                Function<Expired, R> expired, Function<GrantEnded, R> grantEnded,
                Function<UnknownToken, R> unknownToken, Function<ScopeWidening, R> scopeWidening) {
            return reuseDetected.apply(this);
        }
    }

    /**
     * The immediately previous token was presented within the reuse grace after the rotation that replaced it:
     * almost always a second process of the same client that lost a race to refresh. Nothing changes: the chain
     * stays live for whoever received the current token, and nothing is issued for a rotated-away token.
     */
    record JustRotated(ChainId chainId, Instant rotatedAt) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
                Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked,
                Function<Expired, R> expired, Function<GrantEnded, R> grantEnded,
                Function<UnknownToken, R> unknownToken, Function<ScopeWidening, R> scopeWidening) {
            return justRotated.apply(this);
        }
    }

    record ChainRevoked(ChainId chainId, RevocationReason reason) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
                Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked,
                Function<Expired, R> expired, Function<GrantEnded, R> grantEnded,
                Function<UnknownToken, R> unknownToken, Function<ScopeWidening, R> scopeWidening) {
            return chainRevoked.apply(this);
        }
    }

    record Expired(ChainId chainId, Instant expiredAt) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
                Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked,
                Function<Expired, R> expired, Function<GrantEnded, R> grantEnded,
                Function<UnknownToken, R> unknownToken, Function<ScopeWidening, R> scopeWidening) {
            return expired.apply(this);
        }
    }

    /** The grant reached its absolute end: no refresh token of it works any more; the person must approve again. */
    record GrantEnded(ChainId chainId, Instant endedAt) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
                Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked,
                Function<Expired, R> expired, Function<GrantEnded, R> grantEnded,
                Function<UnknownToken, R> unknownToken, Function<ScopeWidening, R> scopeWidening) {
            return grantEnded.apply(this);
        }
    }

    /** The token was never issued in this chain. */
    record UnknownToken() implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
                Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked,
                Function<Expired, R> expired, Function<GrantEnded, R> grantEnded,
                Function<UnknownToken, R> unknownToken, Function<ScopeWidening, R> scopeWidening) {
            return unknownToken.apply(this);
        }
    }

    /** More was asked for than the user granted; nothing changed. */
    record ScopeWidening(Scopes requested, Scopes granted) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Rotated, R> rotated, Function<ReuseDetected, R> reuseDetected,
                Function<JustRotated, R> justRotated, Function<ChainRevoked, R> chainRevoked,
                Function<Expired, R> expired, Function<GrantEnded, R> grantEnded,
                Function<UnknownToken, R> unknownToken, Function<ScopeWidening, R> scopeWidening) {
            return scopeWidening.apply(this);
        }
    }
}
