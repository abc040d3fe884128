package dev.faultline.domain.account;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;

/**
 * How a person is shown to others (assignee, note author). Reading is tolerant, writing is strict: the constructor,
 * through which stored names come back, takes the name as stored (a row written under older or looser rules must
 * still show); {@link #of} applies today's rules where a new name enters: 1-200 characters, no control characters.
 */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 200;

    public DisplayName {
        Objects.requireNonNull(value, "value");
    }

    /** A new display name under today's rules (stripped, 1-200 characters, no control characters). */
    public static DisplayName of(String text) {
        InvalidValue.require(text != null && !text.isBlank(), "display_name", "a display name is required");
        String value = text.strip();
        InvalidValue.require(value.length() <= MAX_LENGTH, "display_name",
                "a display name is at most " + MAX_LENGTH + " characters");
        InvalidValue.require(value.chars().noneMatch(Character::isISOControl), "display_name",
                "a display name must not contain control characters");
        return new DisplayName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
