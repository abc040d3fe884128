package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How severe an event is, in the usual crash-reporter vocabulary. */
public enum Level {
    FATAL,
    ERROR,
    WARNING,
    INFO,
    DEBUG;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level parse(String text) {
        return Arrays.stream(values()).filter(l -> l.wireName().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst().orElseThrow(() -> new InvalidValue("level", "unknown level \"" + text
                        + "\"; expected one of " + Arrays.stream(values()).map(Level::wireName)
                        .collect(Collectors.joining(", "))));
    }
}
