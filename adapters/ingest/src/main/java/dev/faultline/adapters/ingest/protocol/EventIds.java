package dev.faultline.adapters.ingest.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Event ids as envelopes carry them: a UUID as 32 hex digits, or 36 characters with dashes. */
final class EventIds {

    private static final Pattern PLAIN = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern DASHED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EventIds() {
    }

    /** The id as 32 lowercase hex digits, or empty when the text is not a UUID in either form. */
    static Optional<String> normalise(String text) {
        if (PLAIN.matcher(text).matches()) {
            return Optional.of(text.toLowerCase(Locale.ROOT));
        }
        if (DASHED.matcher(text).matches()) {
            return Optional.of(text.replace("-", "").toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
