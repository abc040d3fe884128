package dev.faultline.application.access;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a valid Client ID Metadata Document is reused: its {@code Cache-Control: max-age} clamped to
 * [{@code minLifetime}, {@code maxLifetime}]; no-store or no max-age means the minimum. At most
 * {@code maxEntries} documents are kept.
 */
public record ClientMetadataCachePolicy(Duration minLifetime, Duration maxLifetime, int maxEntries) {
    public ClientMetadataCachePolicy {
        Objects.requireNonNull(minLifetime, "minLifetime");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        if (minLifetime.isNegative() || maxLifetime.compareTo(minLifetime) < 0) {
            throw new IllegalArgumentException("need 0 <= minLifetime <= maxLifetime");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
    }

    Duration lifetime(Optional<Duration> maxAge, boolean noStore) {
        if (noStore || maxAge.isEmpty()) {
            return minLifetime;
        }
        Duration asked = maxAge.get();
        if (asked.compareTo(minLifetime) < 0) {
            return minLifetime;
        }
        return asked.compareTo(maxLifetime) > 0 ? maxLifetime : asked;
    }
}
