package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/** The short, unique, URL-safe name of an application, e.g. {@code shop-android}. */
public record ApplicationSlug(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 64;

    public ApplicationSlug {
        InvalidValue.require(value != null && !value.isBlank(), "slug", "a slug is required");
        InvalidValue.require(value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches(), "slug",
                "slug \"" + value + "\" must be 1-" + MAX_LENGTH
                        + " lowercase letters or digits in words joined by single hyphens, e.g. shop-android");
    }

    @Override
    public String toString() {
        return value;
    }
}
