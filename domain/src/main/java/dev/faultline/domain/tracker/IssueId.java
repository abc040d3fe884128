package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of an issue (crash events grouped by fingerprint). */
public record IssueId(UUID value) {
    public IssueId {
        Objects.requireNonNull(value, "value");
    }

    public static IssueId random() {
        return new IssueId(UUID.randomUUID());
    }

    /** Parses the textual form; anything else is refused as an {@link InvalidValue} naming {@code field}. */
    public static IssueId parse(String text, String field) {
        try {
            return new IssueId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, "\"" + text + "\" is not a valid issue id (expected a UUID)");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
