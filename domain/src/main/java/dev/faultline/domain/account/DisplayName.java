package dev.faultline.domain.account;

import dev.faultline.domain.shared.InvalidValue;

/** How a person is shown to others (assignee, note author): 1-200 characters, no control characters. */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 200;

    public DisplayName {
        InvalidValue.require(value != null && !value.isBlank(), "display_name", "a display name is required");
        value = value.strip();
        InvalidValue.require(value.length() <= MAX_LENGTH, "display_name",
                "a display name is at most " + MAX_LENGTH + " characters");
        InvalidValue.require(value.chars().noneMatch(Character::isISOControl), "display_name",
                "a display name must not contain control characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
