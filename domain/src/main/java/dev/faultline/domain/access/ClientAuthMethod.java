package dev.faultline.domain.access;

import java.util.Arrays;
import java.util.Optional;

/** How a client authenticates at the token and revocation endpoints (RFC 7591 §2 token_endpoint_auth_method). */
public enum ClientAuthMethod {
    /** A public client: no secret; PKCE is what binds the code to it. */
    NONE("none"),
    CLIENT_SECRET_POST("client_secret_post"),
    CLIENT_SECRET_BASIC("client_secret_basic");

    private final String wireName;

    ClientAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isConfidential() {
        return this != NONE;
    }

    public static Optional<ClientAuthMethod> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
