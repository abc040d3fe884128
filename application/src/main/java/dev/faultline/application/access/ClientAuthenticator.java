package dev.faultline.application.access;

import dev.faultline.domain.access.ClientAuthentication;
import dev.faultline.domain.access.ClientCredentials;
import java.util.Objects;

/** Authenticates a client at the token and revocation endpoints per its registered method. */
final class ClientAuthenticator {
    private final ClientDirectory directory;

    ClientAuthenticator(ClientDirectory directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    ClientAuthentication authenticate(ClientCredentials credentials) {
        ClientDirectory.Lookup lookup = directory.find(credentials.clientId());
        if (lookup instanceof ClientDirectory.Lookup.Found found) {
            return found.client().authenticate(credentials);
        }
        return new ClientAuthentication.Refused(((ClientDirectory.Lookup.NotFound) lookup).message());
    }
}
