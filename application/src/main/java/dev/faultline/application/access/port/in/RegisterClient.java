package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.RegistrationError;
import java.util.Optional;

/** Anonymous Dynamic Client Registration (RFC 7591). */
public interface RegisterClient {
    Outcome register(ClientRegistrationRequest request);

    sealed interface Outcome {
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
        }

        /** RFC 7591 §3.2.2: {@code error} is invalid_redirect_uri or invalid_client_metadata. Nothing stored. */
        record Refused(RegistrationError error, String description) implements Outcome {
        }
    }
}
