package dev.faultline.domain.account;

import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The current streak of failed sign-ins for one e-mail address (whether or not an account exists for it, so
 * that throttling does not reveal which addresses are registered). Kept in storage so the throttle holds
 * across instances. {@code lockedUntil} is set once the streak is long enough to lock the address out.
 */
public record FailedSignIns(EmailAddress email, int failures, Instant streakStartedAt, Instant lastFailureAt,
        Optional<Instant> lockedUntil) {

    public FailedSignIns {
        Objects.requireNonNull(email, "email");
        streakStartedAt = Times.micros(Objects.requireNonNull(streakStartedAt, "streakStartedAt"));
        lastFailureAt = Times.micros(Objects.requireNonNull(lastFailureAt, "lastFailureAt"));
        lockedUntil = Objects.requireNonNull(lockedUntil, "lockedUntil").map(Times::micros);
        if (failures < 1) {
            throw new IllegalArgumentException("a streak has at least one failure");
        }
        if (lastFailureAt.isBefore(streakStartedAt)) {
            throw new IllegalArgumentException("the last failure cannot precede the streak");
        }
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }
}
