package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a note written on an issue. */
public record NoteId(UUID value) {
    public NoteId {
        Objects.requireNonNull(value, "value");
    }

    public static NoteId random() {
        return new NoteId(UUID.randomUUID());
    }

    /** Parses the textual form; anything else is refused as an {@link InvalidValue} naming {@code field}. */
    public static NoteId parse(String text, String field) {
        try {
            return new NoteId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, "\"" + text + "\" is not a valid note id (expected a UUID)");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
