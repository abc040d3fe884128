package dev.faultline.domain.access;

import java.time.Instant;

/** The outcome of presenting a refresh token to its chain. */
public sealed interface RefreshOutcome {
    /** The presented token was live; {@code chain} now has the new current token. */
    record Rotated(TokenChain chain, Scopes accessTokenScopes) implements RefreshOutcome {
    }

    /** An earlier (rotated-away) token was presented: {@code chain} is now revoked for reuse. */
    record ReuseDetected(TokenChain chain) implements RefreshOutcome {
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
