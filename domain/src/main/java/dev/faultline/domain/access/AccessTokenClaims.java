package dev.faultline.domain.access;

import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * What an access token says (RFC 9068): who it is for ({@code sub}), which resource may accept it
 * ({@code aud}), which client holds it, what it allows, and which chain it descends from, so that revoking the
 * chain kills it at once.
 */
public record AccessTokenClaims(
        String issuer,
        UserId subject,
        ProtectedResource audience,
        ClientId clientId,
        Scopes scopes,
        String jwtId,
        Instant issuedAt,
        Instant expiresAt,
        ChainId chainId) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(jwtId, "jwtId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(chainId, "chainId");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("an access token must expire after it is issued");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
