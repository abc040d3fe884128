package dev.faultline.application.account.port.out;

import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.FailedSignIns;
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
     * Atomically replaces the address's streak by {@code next} applied to the current one (empty when none) and
     * returns what was stored. Concurrent calls for one address are serialised: none of them is lost.
     */
    FailedSignIns recordFailure(EmailAddress email, Function<Optional<FailedSignIns>, FailedSignIns> next);

    /** Forgets the address's streak (after a successful sign-in). */
    void clear(EmailAddress email);

    /** Deletes streaks whose last failure (and any lock-out) ended before {@code cutoff}; returns how many. */
    int purgeQuietSince(Instant cutoff);
}
