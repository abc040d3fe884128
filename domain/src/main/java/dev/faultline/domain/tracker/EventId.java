package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of one crash or error event. */
public record EventId(UUID value) {
    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId random() {
        return new EventId(UUID.randomUUID());
    }

    /** Parses the textual form; anything else is refused as an {@link InvalidValue} naming {@code field}. */
    public static EventId parse(String text, String field) {
        try {
            return new EventId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, "\"" + text + "\" is not a valid event id (expected a UUID)");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
