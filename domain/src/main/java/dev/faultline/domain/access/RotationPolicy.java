package dev.faultline.domain.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How refresh tokens rotate: each new refresh token lives {@code refreshLifetime}; {@code reuseGrace} (default
 * zero: strict) is how long the immediately previous token is still accepted after a rotation, for clients
 * that lose a response to a network failure. Only the immediately previous token, never an older one.
 */
public record RotationPolicy(Duration refreshLifetime, Duration reuseGrace) {
    public RotationPolicy {
        Objects.requireNonNull(refreshLifetime, "refreshLifetime");
        Objects.requireNonNull(reuseGrace, "reuseGrace");
        if (refreshLifetime.isNegative() || refreshLifetime.isZero()) {
            throw new IllegalArgumentException("the refresh token lifetime must be positive");
        }
        if (reuseGrace.isNegative() || reuseGrace.compareTo(refreshLifetime) >= 0) {
            throw new IllegalArgumentException("the refresh reuse grace must be zero or more and shorter than the"
                    + " refresh token lifetime");
        }
    }

    public static RotationPolicy strict(Duration refreshLifetime) {
        return new RotationPolicy(refreshLifetime, Duration.ZERO);
    }
}
