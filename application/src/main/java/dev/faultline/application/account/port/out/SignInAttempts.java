package dev.faultline.application.account.port.out;

import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.FailedSignIns;
import dev.faultline.domain.account.SignInThrottle;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The current failed sign-in streak per e-mail address, persisted so the throttle holds across instances.
 * Addresses without an account have streaks too, so throttling does not reveal which addresses exist.
 */
public interface SignInAttempts {
    Optional<FailedSignIns> find(EmailAddress email);

    /**
     * Atomically applies {@code decide} to the address's current streak (empty when none), stores the streak of a
     * {@link SignInThrottle.Reservation.Granted} (nothing for a refusal) and returns the reservation. Concurrent
     * calls for one address are serialised, each deciding on what the previous one stored: none is lost, and
     * no two decide on the same streak. Concurrent calls never fail because of each other.
     */
    SignInThrottle.Reservation reserve(EmailAddress email,
            Function<Optional<FailedSignIns>, SignInThrottle.Reservation> decide);

    /** Forgets the address's streak (after a successful sign-in). */
    void clear(EmailAddress email);

    /** Deletes streaks whose last failure (and any lock-out) ended before {@code cutoff}; returns how many. */
    int purgeQuietSince(Instant cutoff);
}
