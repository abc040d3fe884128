package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;

/** Checks shared by the tracker's free-text fields. */
final class Text {
    private Text() {
    }

    /** Stripped, non-blank, at most {@code max} characters, no control characters. */
    static String line(String value, String field, int max) {
        InvalidValue.require(value != null && !value.isBlank(), field, field + " is required");
        String stripped = value.strip();
        InvalidValue.require(stripped.length() <= max, field, field + " is at most " + max + " characters");
        InvalidValue.require(stripped.chars().noneMatch(Character::isISOControl), field,
                field + " must not contain control characters");
        return stripped;
    }

    /** Like {@link #line} but may span lines (tabs and line breaks allowed) and is not stripped inside. */
    static String multiline(String value, String field, int max) {
        InvalidValue.require(value != null && !value.isBlank(), field, field + " is required");
        InvalidValue.require(value.length() <= max, field, field + " is at most " + max + " characters");
        InvalidValue.require(value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t'), field, field + " must not contain control characters other than tab and line breaks");
        return value;
    }

    /** Shortens to at most {@code max} characters without splitting a surrogate pair. */
    static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end - 1) + "…";
    }
}
