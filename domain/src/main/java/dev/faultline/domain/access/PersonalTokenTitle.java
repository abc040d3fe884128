package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;

/**
 * What the user calls a personal token ("CI on laptop"), so they can tell tokens apart when revoking one.
 * Reading is tolerant, writing is strict: the constructor, through which stored titles come back, takes the title
 * as stored, so a row written under older or looser rules still lists (and can still be revoked); {@link #of}
 * applies today's rules where a new title enters: 1 to 100 characters after trimming, no control characters.
 */
public record PersonalTokenTitle(String value) {
    public static final int MAX_LENGTH = 100;

    public PersonalTokenTitle {
        Objects.requireNonNull(value, "value");
    }

    /** A new title under today's rules. */
    public static PersonalTokenTitle of(String text) {
        InvalidValue.require(text != null && !text.isBlank(), "title", "a token title is required");
        String value = text.strip();
        InvalidValue.require(value.codePointCount(0, value.length()) <= MAX_LENGTH, "title",
                "a token title is at most " + MAX_LENGTH + " characters");
        InvalidValue.require(value.codePoints().noneMatch(Character::isISOControl), "title",
                "a token title must not contain control characters");
        return new PersonalTokenTitle(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
