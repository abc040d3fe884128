package dev.faultline.application.access;

import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenChain;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Mints the access token that goes with a chain's new refresh token. */
final class AccessTokenIssuer {
    private final AccessTokenCodec codec;
    private final AccessPolicy policy;

    AccessTokenIssuer(AccessTokenCodec codec, AccessPolicy policy) {
        this.codec = Objects.requireNonNull(codec);
        this.policy = Objects.requireNonNull(policy);
    }

    TokenOutcome.Tokens issue(TokenChain chain, Scopes scopes, String refreshToken, Instant now) {
        AccessTokenClaims claims = new AccessTokenClaims(policy.issuer(), chain.userId(), chain.audience(),
                chain.clientId(), scopes, UUID.randomUUID().toString(), now, now.plus(policy.accessTokenLifetime()),
                chain.id());
        return new TokenOutcome.Tokens(codec.encode(claims), policy.accessTokenLifetime().toSeconds(), refreshToken,
                scopes, chain.id());
    }
}
