package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The text rules shared by the intake model: the checks refuse, they never repair (the ingest adapter does). */
final class Checks {
    private Checks() {
    }

    /** One line: not blank, at most {@code max} characters, no control characters at all. */
    static String line(String value, String field, int max) {
        InvalidValue.require(value != null && !value.isBlank(), field, field + " must not be blank");
        InvalidValue.require(value.length() <= max, field, field + " is at most " + max + " characters");
        InvalidValue.require(value.chars().noneMatch(Character::isISOControl), field,
                field + " must not contain control characters");
        return value;
    }

    static Optional<String> line(Optional<String> value, String field, int max) {
        return Objects.requireNonNull(value, field).map(v -> line(v, field, max));
    }

    /** Free text, possibly empty or on several lines: at most {@code max} characters, only tab and line breaks. */
    static String text(String value, String field, int max) {
        Objects.requireNonNull(value, field);
        InvalidValue.require(value.length() <= max, field, field + " is at most " + max + " characters");
        InvalidValue.require(value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t'), field, field + " must not contain control characters other than tab and line breaks");
        return value;
    }

    static Optional<String> text(Optional<String> value, String field, int max) {
        return Objects.requireNonNull(value, field).map(v -> text(v, field, max));
    }

    /** A bounded map of line keys to free-text values, kept sorted by key. */
    static SortedMap<String, String> map(Map<String, String> values, String field, int maxEntries, int maxKey,
            int maxValue) {
        Objects.requireNonNull(values, field);
        InvalidValue.require(values.size() <= maxEntries, field, field + " has at most " + maxEntries + " entries");
        TreeMap<String, String> checked = new TreeMap<>();
        values.forEach((key, value) -> {
            line(key, field + " key", maxKey);
            checked.put(key, text(value, field + "." + key, maxValue));
        });
        return Collections.unmodifiableSortedMap(checked);
    }
}
