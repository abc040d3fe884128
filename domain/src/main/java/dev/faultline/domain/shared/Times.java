package dev.faultline.domain.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Moments are kept to the microsecond, the precision PostgreSQL stores, so that every storage adapter gives
 * back exactly what it was given and keyset cursors made from one adapter's values match the other's.
 */
public final class Times {
    private Times() {
    }

    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant ofEpochMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
