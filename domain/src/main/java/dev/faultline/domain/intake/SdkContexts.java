package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The SDK's description of where the event happened, by context name ({@code os}, {@code runtime}, {@code
 * device}, {@code app}, {@code browser}, {@code culture}, {@code trace}, ...): each a bounded map of field to text,
 * nested values rendered as compact JSON, secrets already scrubbed.
 */
public record SdkContexts(SortedMap<String, SortedMap<String, String>> values) {
    public static final int MAX_CONTEXTS = 20;
    public static final int MAX_FIELDS = 50;
    public static final int MAX_FIELD_NAME_LENGTH = 200;
    public static final int MAX_FIELD_LENGTH = 1024;
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public SdkContexts {
        Objects.requireNonNull(values, "contexts");
        InvalidValue.require(values.size() <= MAX_CONTEXTS, "contexts",
                "contexts has at most " + MAX_CONTEXTS + " entries, not " + values.size());
        TreeMap<String, SortedMap<String, String>> checked = new TreeMap<>();
        values.forEach((name, fields) -> {
            InvalidValue.require(name != null && NAME.matcher(name).matches(), "contexts",
                    "context name \"" + name + "\" must be 1-64 letters, digits or . _ : -");
            checked.put(name, Checks.map(fields, "contexts." + name, MAX_FIELDS, MAX_FIELD_NAME_LENGTH,
                    MAX_FIELD_LENGTH));
        });
        values = Collections.unmodifiableSortedMap(checked);
    }

    public static SdkContexts none() {
        return new SdkContexts(new TreeMap<>());
    }

    public static SdkContexts of(Map<String, ? extends Map<String, String>> values) {
        TreeMap<String, SortedMap<String, String>> copy = new TreeMap<>();
        values.forEach((name, fields) -> copy.put(name, new TreeMap<>(fields)));
        return new SdkContexts(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
