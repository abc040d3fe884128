package dev.faultline.application.access;

import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.ClientAuthentication;
import dev.faultline.domain.access.ClientCredentials;
import java.util.Objects;

/** Authenticates a client at the token and revocation endpoints per its registered method. */
final class ClientAuthenticator {
    private final Clients clients;

    ClientAuthenticator(Clients clients) {
        this.clients = Objects.requireNonNull(clients);
    }

    ClientAuthentication authenticate(ClientCredentials credentials) {
        return clients.findById(credentials.clientId())
                .map(client -> client.authenticate(credentials))
                .orElseGet(() -> new ClientAuthentication.Refused(
                        "client_id \"" + credentials.clientId() + "\" is not a registered client"));
    }
}
