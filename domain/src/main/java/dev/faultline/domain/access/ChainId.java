package dev.faultline.domain.access;

import java.util.Objects;
import java.util.UUID;

/** Identity of a token chain: every access and refresh token descended from one authorization code. */
public record ChainId(UUID value) {
    public ChainId {
        Objects.requireNonNull(value, "value");
    }

    public static ChainId random() {
        return new ChainId(UUID.randomUUID());
    }

    public static ChainId parse(String text) {
        return new ChainId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
