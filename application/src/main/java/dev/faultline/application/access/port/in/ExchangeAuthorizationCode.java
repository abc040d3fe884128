package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ClientCredentials;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code authorization_code} grant (RFC 6749 §4.1.3 + PKCE + RFC 8707): authenticates the client, redeems
 * the code and starts a token chain in one unit of work. A replayed code is refused and the chain the first
 * redemption produced is revoked.
 */
public interface ExchangeAuthorizationCode {
    TokenOutcome exchange(Command command);

    /**
     * A token request of this grant as the client sent it: how the client identified itself, and each parameter,
     * empty when absent. An empty {@code code}, {@code redirect_uri} or {@code code_verifier} counts as absent
     * (each is required); an empty {@code resource} is a resource named, and not served. {@code redirectUri} and
     * {@code codeVerifier} stay the strings sent: the code is bound to the exact redirect URI string, and both are
     * checked only when the code is redeemed, after the replay check, so parsing them any earlier would change
     * which error a client is told. Secrets are redacted from toString.
     */
    record Command(ClientCredentials credentials, Optional<String> code, Optional<String> redirectUri,
            Optional<String> codeVerifier, Optional<String> resource) {
        public Command {
            Objects.requireNonNull(credentials, "credentials");
            code = Objects.requireNonNull(code, "code").filter(value -> !value.isEmpty());
            redirectUri = Objects.requireNonNull(redirectUri, "redirectUri").filter(value -> !value.isEmpty());
            codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier").filter(value -> !value.isEmpty());
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String toString() {
            return "ExchangeAuthorizationCode.Command[" + credentials + ", code=" + redacted(code) + ", redirectUri="
                    + redirectUri.orElse("none") + ", codeVerifier=" + redacted(codeVerifier) + ", resource="
                    + resource.orElse("none") + "]";
        }

        private static String redacted(Optional<String> secret) {
            return secret.isPresent() ? "<redacted>" : "none";
        }
    }
}
