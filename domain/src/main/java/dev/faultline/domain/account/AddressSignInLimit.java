package dev.faultline.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * At most {@code maxFailures} failed sign-ins per client address per {@code window}, across all accounts: the
 * per-account throttle alone lets one address try a few passwords at every account (password spraying). Windows
 * are fixed, starting with the first failure after the previous window ended; once the limit is reached, the
 * address may not try again until its window ends.
 *
 * <p>Like the per-account throttle, a check is {@linkplain #reserve reserved} before it is made and counts as a
 * failure unless it is {@linkplain #refund refunded}: when it succeeded, or when no password was checked after all
 * (account locked out, no free check slot). So concurrent attempts can never check more than {@code maxFailures}
 * wrong passwords from one address in a window, and people signing in successfully from one office do not use it up.
 */
public final class AddressSignInLimit {
    public static final int DEFAULT_MAX_FAILURES = 30;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final int maxFailures;
    private final Duration window;

    public AddressSignInLimit(int maxFailures, Duration window) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.maxFailures = maxFailures;
        this.window = window;
    }

    public static AddressSignInLimit defaults() {
        return new AddressSignInLimit(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW);
    }

    public int maxFailures() {
        return maxFailures;
    }

    /** Reserves one password check from {@code current}'s address at {@code now}, or refuses it until the window ends. */
    public Reservation reserve(RemoteAddress address, Optional<AddressFailures> current, Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<AddressFailures> live = current.filter(c -> now.isBefore(windowEnd(c)));
        if (live.isPresent() && live.get().failures() >= maxFailures) {
            Instant until = windowEnd(live.get());
            return new Reservation.Refused(until, Duration.between(now, until));
        }
        return new Reservation.Granted(live
                .map(c -> new AddressFailures(address, c.failures() + 1, c.windowStartedAt()))
                .orElseGet(() -> new AddressFailures(address, 1, now)));
    }

    /**
     * Gives back the check reserved as {@code reserved}: one failure fewer, if the window it was counted in is still
     * the current one (a later window never loses a failure it did not count).
     */
    public AddressFailures refund(AddressFailures current, AddressFailures reserved) {
        if (!current.windowStartedAt().equals(reserved.windowStartedAt()) || current.failures() == 0) {
            return current;
        }
        return new AddressFailures(current.address(), current.failures() - 1, current.windowStartedAt());
    }

    /** Counts whose window started before this are over and can be forgotten. */
    public Instant forgetWindowsStartedBefore(Instant now) {
        return now.minus(window);
    }

    private Instant windowEnd(AddressFailures failures) {
        return failures.windowStartedAt().plus(window);
    }

    /** The answer to "may one more password be checked from this address now?". */
    public sealed interface Reservation {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Granted, R> granted, Function<Refused, R> refused);

        /** Yes; {@code failures} (which already counts this check) is to be stored. */
        record Granted(AddressFailures failures) implements Reservation {
            @Override
            public <R> R fold(Function<Granted, R> granted, Function<Refused, R> refused) {
                return granted.apply(this);
            }
        }

        /** No: too many failures from this address until {@code until}; nothing changes. */
        record Refused(Instant until, Duration retryAfter) implements Reservation {
            @Override
            public <R> R fold(Function<Granted, R> granted, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }
}
