package dev.faultline.adapters.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** Times as pages show them: readable, in UTC (the server does not know the reader's zone), to the minute. */
final class Dates {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String shown(Instant at) {
        return SHOWN.format(at);
    }

    static String shown(Optional<Instant> at, String otherwise) {
        return at.map(Dates::shown).orElse(otherwise);
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    static String machine(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
