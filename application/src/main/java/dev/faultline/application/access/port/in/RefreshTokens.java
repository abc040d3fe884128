package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ClientCredentials;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code refresh_token} grant (RFC 6749 §6): rotates the refresh token every time. Scope may narrow,
 * never widen. Presenting a rotated-away token revokes the whole chain (theft signal).
 */
public interface RefreshTokens {
    TokenOutcome refresh(Command command);

    /**
     * A token request of this grant as the client sent it: how the client identified itself, and each parameter,
     * empty when absent. An empty {@code refresh_token} counts as absent (it is required); an empty
     * {@code resource} is a resource named, and not served. {@code scope} stays the string sent: it is parsed
     * after the client is authenticated and the resource resolved, and parsing it any earlier would change which
     * error a client is told. The refresh token is redacted from toString.
     */
    record Command(ClientCredentials credentials, Optional<String> refreshToken, Optional<String> scope,
            Optional<String> resource) {
        public Command {
            Objects.requireNonNull(credentials, "credentials");
            refreshToken = Objects.requireNonNull(refreshToken, "refreshToken").filter(value -> !value.isEmpty());
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String toString() {
            return "RefreshTokens.Command[" + credentials + ", refreshToken="
                    + (refreshToken.isPresent() ? "<redacted>" : "none") + ", scope=" + scope.orElse("none")
                    + ", resource=" + resource.orElse("none") + "]";
        }
    }
}
