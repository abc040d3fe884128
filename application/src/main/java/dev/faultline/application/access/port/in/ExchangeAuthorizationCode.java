package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ClientCredentials;
import java.util.Objects;

/**
 * The {@code authorization_code} grant (RFC 6749 §4.1.3 + PKCE + RFC 8707): authenticates the client, redeems
 * the code and starts a token chain in one unit of work. A replayed code is refused and the chain the first
 * redemption produced is revoked.
 */
public interface ExchangeAuthorizationCode {
    TokenOutcome exchange(Command command);

    /** Raw token-request parameters; absent ones are {@code null}. Secrets are redacted from toString. */
    record Command(ClientCredentials credentials, String code, String redirectUri, String codeVerifier,
            String resource) {
        public Command {
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public String toString() {
            return "ExchangeAuthorizationCode.Command[" + credentials + ", code=<redacted>, redirectUri="
                    + redirectUri + ", codeVerifier=<redacted>, resource=" + resource + "]";
        }
    }
}
