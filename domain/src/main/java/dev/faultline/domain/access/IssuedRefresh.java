package dev.faultline.domain.access;

import java.util.Objects;

/**
 * A refresh token a chain issued, as the store of issued tokens knows it: the chain, the token's hash and the
 * generation it was issued at (1 with the chain, +1 per rotation). Found by the hash's index when a token is
 * presented, so a chain never has to carry every token it ever issued.
 */
public record IssuedRefresh(ChainId chainId, TokenHash hash, int generation) {
    public IssuedRefresh {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(hash, "hash");
        if (generation < 1) {
            throw new IllegalArgumentException("a generation starts at 1, was " + generation);
        }
    }
}
