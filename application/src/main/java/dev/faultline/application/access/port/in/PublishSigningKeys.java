package dev.faultline.application.access.port.in;

import java.util.Map;

/**
 * Publishes the public keys access tokens are verified with (the JWKS behind {@code jwks_uri}, RFC 8414): every
 * key a still-valid token may be signed with, public parts only.
 */
public interface PublishSigningKeys {
    /** The JWK Set, {@code {"keys":[...]}}, ready to be written as JSON. */
    Map<String, Object> jwks();
}
