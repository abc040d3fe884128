package dev.faultline.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Login throttling, per e-mail address. A streak of failures continues while each failure comes within
 * {@code window} of the previous one (or of the end of a lock-out); a quiet {@code window} or a successful
 * sign-in ends it. Once a streak reaches {@code maxFailures}, every further failure locks the address out for
 * {@code firstLockout}, doubling with each failure beyond the limit, capped at {@code maxLockout}. While
 * locked out, attempts are refused without checking the password.
 *
 * <p>Measuring the window from the previous failure rather than from the first one is what lets the back-off
 * grow: a lock-out of up to 15 minutes would otherwise outlast a 15-minute window and reset the count.
 *
 * <p>A password check is {@linkplain #reserve reserved} before it is made, and the reservation counts as a failure
 * until a success clears the streak: the {@code maxFailures}-th reservation already locks the address out, so
 * however many attempts arrive at once, at most {@code maxFailures} passwords are checked per streak (checking
 * first and counting afterwards let a parallel burst test dozens).
 */
public final class SignInThrottle {
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_FIRST_LOCKOUT = Duration.ofMinutes(1);
    public static final Duration DEFAULT_MAX_LOCKOUT = Duration.ofMinutes(15);

    private final int maxFailures;
    private final Duration window;
    private final Duration firstLockout;
    private final Duration maxLockout;

    public SignInThrottle(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (window.isNegative() || window.isZero() || firstLockout.isNegative() || firstLockout.isZero()
                || maxLockout.compareTo(firstLockout) < 0) {
            throw new IllegalArgumentException("window and lock-outs must be positive, maxLockout >= firstLockout");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
    }

    public static SignInThrottle defaults() {
        return new SignInThrottle(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_FIRST_LOCKOUT, DEFAULT_MAX_LOCKOUT);
    }

    /** May this address try a password now? */
    public Decision check(Optional<FailedSignIns> streak, Instant now) {
        Objects.requireNonNull(now, "now");
        if (streak.isPresent() && streak.get().isLockedAt(now)) {
            Instant until = streak.get().lockedUntil().orElseThrow();
            return new Decision.LockedOut(until, Duration.between(now, until));
        }
        return new Decision.Allowed();
    }

    /**
     * Reserves one password check at {@code now}: refused while the address is locked out; otherwise granted with
     * the streak that counts this check as a failure (and locks the address out if it is the last one allowed).
     */
    public Reservation reserve(EmailAddress email, Optional<FailedSignIns> streak, Instant now) {
        return check(streak, now).fold(
                allowed -> new Reservation.Granted(recordFailure(email, streak, now)),
                locked -> new Reservation.Refused(locked.until(), locked.retryAfter()));
    }

    /**
     * The streak after one more failure at {@code now}; it carries a lock-out when the limit is reached. A failure
     * timed before the streak's last one (a concurrent request that read the clock a little earlier) counts at
     * that last time: a streak never runs backwards.
     */
    public FailedSignIns recordFailure(EmailAddress email, Optional<FailedSignIns> streak, Instant now) {
        Optional<FailedSignIns> live = streak.filter(s -> continuesAt(s, now));
        Instant at = live.map(FailedSignIns::lastFailureAt).filter(now::isBefore).orElse(now);
        int failures = live.map(s -> s.failures() + 1).orElse(1);
        Instant started = live.map(FailedSignIns::streakStartedAt).orElse(at);
        Optional<Instant> lockedUntil = failures >= maxFailures
                ? Optional.of(at.plus(lockoutAfter(failures)))
                : Optional.empty();
        return new FailedSignIns(email, failures, started, at, lockedUntil);
    }

    public int maxFailures() {
        return maxFailures;
    }

    /** Lock-out length for a streak of {@code failures}: first lock-out doubled per extra failure, capped. */
    /**
     * How long after its last failure a streak can still matter: a lock-out ends at most {@code maxLockout}
     * after it, and the streak continues only if the next failure comes within {@code window} of that end.
     */
    public Duration forgetAfter() {
        return maxLockout.plus(window);
    }

    public Duration lockoutAfter(int failures) {
        int beyond = failures - maxFailures;
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration lockout = firstLockout;
        for (int i = 0; i < beyond && lockout.compareTo(maxLockout) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }

    /** When a stored streak stops mattering (for purging old rows): a quiet window after its last event. */
    public Instant forgottenAfter(FailedSignIns streak) {
        Instant quietFrom = streak.lockedUntil().filter(l -> l.isAfter(streak.lastFailureAt()))
                .orElse(streak.lastFailureAt());
        return quietFrom.plus(window);
    }

    private boolean continuesAt(FailedSignIns streak, Instant now) {
        return now.isBefore(forgottenAfter(streak));
    }

    /** The answer to "may one more password be checked for this address now?". */
    public sealed interface Reservation {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Granted, R> granted, Function<Refused, R> refused);

        /** Yes; {@code streak} (which already counts this check as a failure) is to be stored. */
        record Granted(FailedSignIns streak) implements Reservation {
            @Override
            public <R> R fold(Function<Granted, R> granted, Function<Refused, R> refused) {
                return granted.apply(this);
            }
        }

        /** No: locked out until {@code until}; nothing changes. */
        record Refused(Instant until, Duration retryAfter) implements Reservation {
            @Override
            public <R> R fold(Function<Granted, R> granted, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }

    /** The throttle's answer to "may this address try now?". */
    public sealed interface Decision {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Allowed, R> allowed, Function<LockedOut, R> lockedOut);

        record Allowed() implements Decision {
            @Override
            public <R> R fold(Function<Allowed, R> allowed, Function<LockedOut, R> lockedOut) {
                return allowed.apply(this);
            }
        }

        record LockedOut(Instant until, Duration retryAfter) implements Decision {
            @Override
            public <R> R fold(Function<Allowed, R> allowed, Function<LockedOut, R> lockedOut) {
                return lockedOut.apply(this);
            }
        }
    }
}
