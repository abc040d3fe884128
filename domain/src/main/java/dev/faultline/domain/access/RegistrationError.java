package dev.faultline.domain.access;

/** Why a client registration was refused (RFC 7591 §3.2.2). */
public enum RegistrationError {
    INVALID_REDIRECT_URI("invalid_redirect_uri"),
    INVALID_CLIENT_METADATA("invalid_client_metadata");

    private final String wireName;

    RegistrationError(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
