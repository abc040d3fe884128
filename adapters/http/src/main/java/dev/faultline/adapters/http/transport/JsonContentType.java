package dev.faultline.adapters.http.transport;

import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Content-Type a JSON endpoint accepts: {@code application/json}, with no charset or {@code charset=utf-8}
 * (JSON exchanged between systems is UTF-8, RFC 8259 §8.1). Anything else is named in the refusal, quoted
 * printably.
 */
public final class JsonContentType {
    private JsonContentType() {
    }

    /** The header as a media type, or empty when it does not parse as one (e.g. {@code ;;;}). */
    public static Optional<MediaType> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            MediaType type = MediaType.valueOf(header);
            return type.getType() == null || type.getType().isEmpty() ? Optional.empty() : Optional.of(type);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why {@code header} is not JSON in UTF-8; empty when it is. */
    public static Optional<String> problem(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of("Content-Type must be application/json, was absent");
        }
        Optional<MediaType> parsed = parse(header);
        if (parsed.isEmpty()) {
            return Optional.of("Content-Type must be application/json, was \"" + Printable.of(header, 60)
                    + "\", which is malformed");
        }
        MediaType type = parsed.get();
        if (!type.getType().equalsIgnoreCase("application") || !type.getSubtype().equalsIgnoreCase("json")) {
            return Optional.of("Content-Type must be application/json, was \"" + Printable.of(header, 60) + "\"");
        }
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase("charset")
                    && !parameter.getValue().toLowerCase(Locale.ROOT).matches("\"?utf-8\"?")) {
                return Optional.of("Content-Type must be application/json, was \"" + Printable.of(header, 60)
                        + "\": JSON is UTF-8, not " + Printable.of(parameter.getValue(), 40));
            }
        }
        return Optional.empty();
    }
}
