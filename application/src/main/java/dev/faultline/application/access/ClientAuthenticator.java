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
        return directory.find(credentials.clientId()).fold(
                found -> found.client().authenticate(credentials),
                notFound -> new ClientAuthentication.Refused(notFound.message()),
                tooMany -> {
                    throw ClientDirectory.uncountedLookupLimited();
                });
    }
}
