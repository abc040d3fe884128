package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** What an application is built with ({@code android}, {@code java}, {@code javascript}, ...), lowercased. */
public record Platform(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9._+-]{0,31}");

    public Platform {
        InvalidValue.require(value != null && !value.isBlank(), "platform", "a platform is required");
        value = value.strip().toLowerCase(Locale.ROOT);
        InvalidValue.require(SHAPE.matcher(value).matches(), "platform",
                "platform \"" + value + "\" must be 1-32 characters: a letter, then letters, digits or . _ + -");
    }

    @Override
    public String toString() {
        return value;
    }
}
