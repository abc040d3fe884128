package dev.faultline.adapters.clientmetadata;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits of one document fetch. {@code timeout} bounds connecting and the whole exchange; {@code maxBytes}
 * bounds the body (enforced while reading, whatever Content-Length says). {@code trustStore}, when present,
 * replaces the JDK's trusted CAs (tests trust their own CA this way). {@code allowLoopback} is test-only.
 */
public record FetchSettings(Duration timeout, int maxBytes, Optional<KeyStore> trustStore, boolean allowLoopback) {
    public FetchSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(trustStore, "trustStore");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
    }
}
