package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;

/**
 * What the user calls a personal token ("CI on laptop"), so they can tell tokens apart when revoking one:
 * 1 to 100 characters after trimming, no control characters.
 */
public record PersonalTokenTitle(String value) {
    public static final int MAX_LENGTH = 100;

    public PersonalTokenTitle {
        InvalidValue.require(value != null && !value.isBlank(), "title", "a token title is required");
        value = value.strip();
        InvalidValue.require(value.codePointCount(0, value.length()) <= MAX_LENGTH, "title",
                "a token title is at most " + MAX_LENGTH + " characters");
        InvalidValue.require(value.codePoints().noneMatch(Character::isISOControl), "title",
                "a token title must not contain control characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
