package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ClientCredentials;
import java.util.Objects;

/**
 * The {@code refresh_token} grant (RFC 6749 §6): rotates the refresh token every time. Scope may narrow,
 * never widen. Presenting a rotated-away token revokes the whole chain (theft signal).
 */
public interface RefreshTokens {
    TokenOutcome refresh(Command command);

    /** Raw token-request parameters; absent ones are {@code null}. */
    record Command(ClientCredentials credentials, String refreshToken, String scope, String resource) {
        public Command {
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public String toString() {
            return "RefreshTokens.Command[" + credentials + ", refreshToken=<redacted>, scope=" + scope
                    + ", resource=" + resource + "]";
        }
    }
}
