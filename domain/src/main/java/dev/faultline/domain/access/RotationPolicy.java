package dev.faultline.domain.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How refresh tokens rotate: each new refresh token lives {@code refreshLifetime}, but never past the grant's
 * end, {@code grantLifetime} after the grant was approved (however often it rotates, a grant ends: the person
 * approves again). {@code reuseGrace} (default zero: strict) is how long the immediately previous token is
 * still accepted after a rotation, for clients that lose a response to a network failure. Only the immediately
 * previous token, never an older one.
 */
public record RotationPolicy(Duration refreshLifetime, Duration reuseGrace, Duration grantLifetime) {
    /** The default absolute lifetime of a grant. */
    public static final Duration DEFAULT_GRANT_LIFETIME = Duration.ofDays(90);

    public RotationPolicy {
        Objects.requireNonNull(refreshLifetime, "refreshLifetime");
        Objects.requireNonNull(reuseGrace, "reuseGrace");
        Objects.requireNonNull(grantLifetime, "grantLifetime");
        if (refreshLifetime.isNegative() || refreshLifetime.isZero()) {
            throw new IllegalArgumentException("the refresh token lifetime must be positive");
        }
        if (reuseGrace.isNegative() || reuseGrace.compareTo(refreshLifetime) >= 0) {
            throw new IllegalArgumentException("the refresh reuse grace must be zero or more and shorter than the"
                    + " refresh token lifetime");
        }
        if (grantLifetime.isNegative() || grantLifetime.isZero()) {
            throw new IllegalArgumentException("the grant lifetime must be positive");
        }
    }

    public RotationPolicy(Duration refreshLifetime, Duration reuseGrace) {
        this(refreshLifetime, reuseGrace, DEFAULT_GRANT_LIFETIME);
    }

    public static RotationPolicy strict(Duration refreshLifetime) {
        return new RotationPolicy(refreshLifetime, Duration.ZERO, DEFAULT_GRANT_LIFETIME);
    }
}
