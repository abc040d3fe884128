package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Sentry's timestamp forms: seconds since the epoch (a number or numeric text), RFC 3339, naive ISO (UTC). */
final class Timestamps {
    /** Year 0001 to 9999, the range PostgreSQL and {@link Instant#parse} both hold comfortably. */
    private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(-62_135_596_800L);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private Timestamps() {
    }

    static Optional<Instant> parse(JsonNode node) {
        if (Json.absent(node)) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            // A double's shortest text ("1.796330244348E9") is the number the SDK wrote; its binary value is not.
            return node.isIntegralNumber() ? seconds(node.decimalValue()) : parse(node.asText());
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        return parse(node.textValue().strip());
    }

    static Optional<Instant> parse(String text) {
        if (text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d{1,3})?")) {
            return seconds(new BigDecimal(text));
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant()).filter(Timestamps::storable);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)).filter(Timestamps::storable);
            } catch (DateTimeParseException notNaive) {
                return Optional.empty();
            }
        }
    }

    /** Within the years 1 to 9999, which every store and every formatter takes. */
    static boolean storable(Instant instant) {
        return instant.getEpochSecond() >= MIN_SECONDS.longValue() && instant.getEpochSecond() <= MAX_SECONDS.longValue();
    }

    private static Optional<Instant> seconds(BigDecimal seconds) {
        if (seconds.compareTo(MIN_SECONDS) < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
            return Optional.empty();
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Optional.of(Instant.ofEpochSecond(whole, nanos));
    }
}
