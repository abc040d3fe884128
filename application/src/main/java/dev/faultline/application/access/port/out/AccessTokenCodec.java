package dev.faultline.application.access.port.out;

import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ProtectedResource;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns access-token claims into a signed, self-contained token (an RFC 9068 JWT) and back. Verification is
 * purely local: signature, issuer, audience and expiry. Whether the token's chain is still alive is the
 * caller's question, answered by the chain repository.
 */
public interface AccessTokenCodec {
    String encode(AccessTokenClaims claims);

    Verification verify(String token, String expectedIssuer, ProtectedResource expectedAudience, Instant now);

    /** The JWK Set ({@code {"keys":[...]}}) of every key a valid token may be signed with: public parts only. */
    Map<String, Object> publicJwks();

    /** The outcome of checking a presented token. */
    sealed interface Verification {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid);

        record Valid(AccessTokenClaims claims) implements Verification {
            @Override
            public <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid) {
                return valid.apply(this);
            }
        }

        /** The token is not acceptable; {@code reason} is for logs and error descriptions, never the token. */
        record Invalid(String reason) implements Verification {
            @Override
            public <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid) {
                return invalid.apply(this);
            }
        }
    }
}
