package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of an application (a product whose crashes Faultline collects). */
public record ApplicationId(UUID value) {
    public ApplicationId {
        Objects.requireNonNull(value, "value");
    }

    public static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID());
    }

    /** Parses the textual form; anything else is refused as an {@link InvalidValue} naming {@code field}. */
    public static ApplicationId parse(String text, String field) {
        try {
            return new ApplicationId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, "\"" + text + "\" is not a valid application id (expected a UUID)");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
