package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientCredentials;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Token revocation (RFC 7009). Revoking a refresh token or an access token revokes its whole chain. An unknown
 * or foreign token is not an error (the endpoint answers 200) but nothing is revoked: a client cannot revoke
 * another client's tokens. Only a failed client authentication is an error.
 */
public interface RevokeToken {
    Outcome revoke(Command command);

    /**
     * A revocation request as the client sent it: how the client identified itself, the token (an empty one
     * counts as absent; it is required) and the hint, each empty when absent. The token is redacted from toString.
     */
    record Command(ClientCredentials credentials, Optional<String> token, Optional<String> tokenTypeHint) {
        public Command {
            Objects.requireNonNull(credentials, "credentials");
            token = Objects.requireNonNull(token, "token").filter(value -> !value.isEmpty());
            Objects.requireNonNull(tokenTypeHint, "tokenTypeHint");
        }

        @Override
        public String toString() {
            return "RevokeToken.Command[" + credentials + ", token=" + (token.isPresent() ? "<redacted>" : "none")
                    + ", hint=" + tokenTypeHint.orElse("none") + "]";
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Accepted, R> accepted, Function<Failed, R> failed);

        /** Answer 200. {@code revokedChain}: which chain this request revoked, if any (for logs and metrics). */
        record Accepted(Optional<ChainId> revokedChain) implements Outcome {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Failed, R> failed) {
                return accepted.apply(this);
            }
        }

        record Failed(TokenOutcome.Error error, String description) implements Outcome {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Failed, R> failed) {
                return failed.apply(this);
            }
        }
    }
}
