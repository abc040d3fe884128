package dev.faultline.domain.access;

import java.util.Objects;
import java.util.Optional;

/**
 * How a client identified itself at the token or revocation endpoint: its id, the secret if it sent one, and
 * the method it actually used (Basic header: client_secret_basic; form field: client_secret_post; neither:
 * none). The HTTP adapter only reports what it saw; the use case decides whether that is acceptable.
 */
public record ClientCredentials(ClientId clientId, Optional<String> secret, ClientAuthMethod methodUsed) {
    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(methodUsed, "methodUsed");
    }

    public static ClientCredentials publicClient(ClientId clientId) {
        return new ClientCredentials(clientId, Optional.empty(), ClientAuthMethod.NONE);
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=" + (secret.isPresent() ? "<redacted>" : "none")
                + ", methodUsed=" + methodUsed.wireName() + "]";
    }
}
