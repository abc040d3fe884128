package dev.faultline.adapters.ingest.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The numeric project id of a DSN and of the ingest URL ({@code /api/{id}/envelope/}). SDKs refuse DSNs whose
 * project id is not an integer, so an application's ingest id is a positive number.
 */
public record IngestProjectId(long value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    public IngestProjectId {
        if (value <= 0) {
            throw new IllegalArgumentException("an ingest project id is a positive number, not " + value);
        }
    }

    static Optional<IngestProjectId> parse(String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value > 0 ? Optional.of(new IngestProjectId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
