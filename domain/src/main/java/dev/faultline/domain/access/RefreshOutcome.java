package dev.faultline.domain.access;

import java.time.Instant;

/** The outcome of presenting a refresh token to its chain. */
public sealed interface RefreshOutcome {
    /** The presented token was live; {@code chain} now has the new current token. */
    record Rotated(TokenChain chain, Scopes accessTokenScopes) implements RefreshOutcome {
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
    }

    /**
     * The immediately previous token was presented within the reuse grace after the rotation that replaced it:
     * almost always a second process of the same client that lost a race to refresh. Nothing changes: the chain
     * stays live for whoever received the current token, and nothing is issued for a rotated-away token.
     */
    record JustRotated(ChainId chainId, Instant rotatedAt) implements RefreshOutcome {
    }

    record ChainRevoked(ChainId chainId, RevocationReason reason) implements RefreshOutcome {
    }

    record Expired(ChainId chainId, Instant expiredAt) implements RefreshOutcome {
    }

    /** The grant reached its absolute end: no refresh token of it works any more; the person must approve again. */
    record GrantEnded(ChainId chainId, Instant endedAt) implements RefreshOutcome {
    }

    /** The token was never issued in this chain. */
    record UnknownToken() implements RefreshOutcome {
    }

    /** More was asked for than the user granted; nothing changed. */
    record ScopeWidening(Scopes requested, Scopes granted) implements RefreshOutcome {
    }
}
