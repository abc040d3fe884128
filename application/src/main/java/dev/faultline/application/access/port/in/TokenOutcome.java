package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.Scopes;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the token endpoint answers (shared by the authorization_code and refresh_token grants): tokens, or an
 * RFC 6749 §5.2 error with a precise description.
 */
public sealed interface TokenOutcome {
    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(Function<Issued, R> issued, Function<Failed, R> failed);

    record Issued(Tokens tokens) implements TokenOutcome {
        @Override
        public <R> R fold(Function<Issued, R> issued, Function<Failed, R> failed) {
            return issued.apply(this);
        }
    }

    record Failed(Error error, String description) implements TokenOutcome {
        @Override
        public <R> R fold(Function<Issued, R> issued, Function<Failed, R> failed) {
            return failed.apply(this);
        }
    }

    /** A successful token response (RFC 6749 §5.1). Holds raw tokens: never logged (toString redacts). */
    record Tokens(String accessToken, long expiresInSeconds, String refreshToken, Scopes scopes, ChainId chainId) {
        public static final String TOKEN_TYPE = "Bearer";

        public Tokens {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(chainId, "chainId");
        }

        public String tokenType() {
            return TOKEN_TYPE;
        }

        @Override
        public String toString() {
            return "Tokens[accessToken=<redacted>, expiresIn=" + expiresInSeconds
                    + ", refreshToken=<redacted>, scope=" + scopes + ", chain=" + chainId + "]";
        }
    }

    /** Token and revocation endpoint errors (RFC 6749 §5.2, RFC 8707 §2). */
    enum Error {
        INVALID_REQUEST("invalid_request"),
        INVALID_CLIENT("invalid_client"),
        INVALID_GRANT("invalid_grant"),
        UNAUTHORIZED_CLIENT("unauthorized_client"),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
        INVALID_SCOPE("invalid_scope"),
        INVALID_TARGET("invalid_target");

        private final String wireName;

        Error(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
