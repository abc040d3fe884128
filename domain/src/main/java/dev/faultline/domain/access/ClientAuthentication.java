package dev.faultline.domain.access;

/** The outcome of a client authenticating at the token or revocation endpoint. */
public sealed interface ClientAuthentication {
    record Authenticated(Client client) implements ClientAuthentication {
    }

    /** {@code description} says what was wrong without revealing the registered secret or its hash. */
    record Refused(String description) implements ClientAuthentication {
    }
}
