package dev.faultline.application.account.port.out;

import dev.faultline.domain.account.AddressFailures;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.RemoteAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Failed sign-ins per client address (across all accounts), persisted so the limit holds across instances and
 * restarts. Every operation on one address is atomic with respect to every other on that address.
 */
public interface AddressSignInFailures {
    Optional<AddressFailures> find(RemoteAddress address);

    /**
     * Atomically applies {@code decide} to the address's current count (empty when none), stores the count of a
     * {@link AddressSignInLimit.Reservation.Granted} (nothing for a refusal) and returns the reservation. Concurrent
     * calls are serialised, each deciding on what the previous one stored; they never fail because of each other.
     */
    AddressSignInLimit.Reservation reserve(RemoteAddress address,
            Function<Optional<AddressFailures>, AddressSignInLimit.Reservation> decide);

    /** Atomically replaces the address's count by {@code refund} applied to it; nothing when there is none. */
    void refund(RemoteAddress address, UnaryOperator<AddressFailures> refund);

    /** Deletes counts whose window started before {@code cutoff}; returns how many. */
    int purgeWindowsStartedBefore(Instant cutoff);
}
