package dev.faultline.domain.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How refresh tokens rotate: each new refresh token lives {@code refreshLifetime}, but never past the grant's
 * end, {@code grantLifetime} after the grant was approved (however often it rotates, a grant ends: the person
 * approves again).
 *
 * <p>Rule "reuse grace": for {@code reuseGrace} after a rotation, presenting the token it replaced (the
 * immediately previous one, never an older one) is refused without revoking the chain
 * ({@link RefreshOutcome.JustRotated}). Two processes of one client that refresh with the same token at once
 * are not a theft: the one that lost the race is told {@code invalid_grant} while the winner's new token keeps
 * working. Nothing is ever issued for a rotated-away token, so a thief gains nothing inside the window either.
 * Outside it, or for any older token, presenting it is reuse and revokes the whole chain. Zero is strict: every
 * presentation of a rotated-away token revokes.
 */
public record RotationPolicy(Duration refreshLifetime, Duration reuseGrace, Duration grantLifetime) {
    /** The default absolute lifetime of a grant. */
    public static final Duration DEFAULT_GRANT_LIFETIME = Duration.ofDays(90);
    /**
     * The default reuse grace: long enough for the requests of one client's processes racing to refresh (they
     * start together when their shared access token expires and finish within a second or two), short enough
     * that a stolen token presented later still revokes.
     */
    public static final Duration DEFAULT_REUSE_GRACE = Duration.ofSeconds(10);

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
