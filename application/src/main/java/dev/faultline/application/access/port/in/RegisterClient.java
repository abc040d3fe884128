package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.RegistrationError;
import java.util.Optional;
import java.util.function.Function;

/** Anonymous Dynamic Client Registration (RFC 7591). */
public interface RegisterClient {
    Outcome register(ClientRegistrationRequest request);

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Registered, R> registered, Function<Refused, R> refused);

        /**
         * The client was stored. {@code clientSecret} is present for confidential clients: the only time the raw
         * secret exists; only its hash is stored.
         */
        record Registered(Client client, Optional<String> clientSecret) implements Outcome {
            @Override
            public String toString() {
                return "Registered[client=" + client.id() + ", clientSecret="
                        + (clientSecret.isPresent() ? "<redacted>" : "none") + "]";
            }

            @Override
            public <R> R fold(Function<Registered, R> registered, Function<Refused, R> refused) {
                return registered.apply(this);
            }
        }

        /** RFC 7591 §3.2.2: {@code error} is invalid_redirect_uri or invalid_client_metadata. Nothing stored. */
        record Refused(RegistrationError error, String description) implements Outcome {
            @Override
            public <R> R fold(Function<Registered, R> registered, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }
}
