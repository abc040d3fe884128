package dev.faultline.application.access.testing;

import java.util.List;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ProtectedResource;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An access-token codec for use-case tests: tokens are opaque handles to remembered claims, checked for issuer,
 * audience and expiry like the real codec does. Thread-safe.
 */
public final class FakeAccessTokenCodec implements AccessTokenCodec {
    private final Map<String, AccessTokenClaims> issued = new ConcurrentHashMap<>();

    @Override
    public String encode(AccessTokenClaims claims) {
        String token = "fake-at." + UUID.randomUUID();
        issued.put(token, claims);
        return token;
    }

    @Override
    public Map<String, Object> publicJwks() {
        return Map.of("keys", List.of(Map.of("kty", "fake", "kid", "fake-key")));
    }

    @Override
    public Verification verify(String token, String expectedIssuer, ProtectedResource expectedAudience, Instant now) {
        AccessTokenClaims claims = issued.get(token);
        if (claims == null) {
            return new Verification.Invalid("not a token this codec issued");
        }
        if (!claims.issuer().equals(expectedIssuer)) {
            return new Verification.Invalid("wrong issuer");
        }
        if (!claims.audience().equals(expectedAudience)) {
            return new Verification.Invalid("wrong audience");
        }
        if (claims.isExpiredAt(now)) {
            return new Verification.Invalid("expired");
        }
        return new Verification.Valid(claims);
    }

    /** The claims behind a token this codec issued, for assertions. */
    public AccessTokenClaims claimsOf(String token) {
        AccessTokenClaims claims = issued.get(token);
        if (claims == null) {
            throw new IllegalArgumentException("unknown token");
        }
        return claims;
    }
}
