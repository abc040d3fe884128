package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientCredentials;
import java.util.Objects;
import java.util.Optional;

/**
 * Token revocation (RFC 7009). Revoking a refresh token or an access token revokes its whole chain. An unknown
 * or foreign token is not an error (the endpoint answers 200) but nothing is revoked: a client cannot revoke
 * another client's tokens. Only a failed client authentication is an error.
 */
public interface RevokeToken {
    Outcome revoke(Command command);

    record Command(ClientCredentials credentials, String token, String tokenTypeHint) {
        public Command {
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public String toString() {
            return "RevokeToken.Command[" + credentials + ", token=<redacted>, hint=" + tokenTypeHint + "]";
        }
    }

    sealed interface Outcome {
        /** Answer 200. {@code revokedChain}: which chain this request revoked, if any (for logs and metrics). */
        record Accepted(Optional<ChainId> revokedChain) implements Outcome {
        }

        record Failed(TokenOutcome.Error error, String description) implements Outcome {
        }
    }
}
