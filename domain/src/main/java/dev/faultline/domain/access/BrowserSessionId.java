package dev.faultline.domain.access;

import java.util.Objects;
import java.util.UUID;

/** Identity of a browser session: safe to log and to show; not the secret in the cookie. */
public record BrowserSessionId(UUID value) {
    public BrowserSessionId {
        Objects.requireNonNull(value, "value");
    }

    public static BrowserSessionId random() {
        return new BrowserSessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
