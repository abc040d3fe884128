package dev.faultline.application.account;

import dev.faultline.application.account.port.in.SignIn;
import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.application.account.port.out.PasswordCheckPermits;
import dev.faultline.application.account.port.out.PasswordHasher;
import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.account.AddressFailures;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.SignInThrottle;
import dev.faultline.domain.account.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs in with the constant-time failure path: an unknown address still costs one (dummy) password check, and
 * both failures count towards the address's throttle. The check is reserved with the throttle before it is made
 * (and counts as a failure until it succeeds), so concurrent attempts cannot check more passwords than the
 * throttle allows. A successful sign-in clears the streak and upgrades a hash made with weaker parameters.
 *
 * <p>First the attempt's client address reserves a check with the {@link AddressSignInLimit} (refused: too many
 * failures from there, whatever the accounts); the reservation is given back unless a wrong password was checked.
 * Then every check runs under a {@link PasswordCheckPermits permit}: when none frees up in time the attempt is
 * {@link Outcome.Busy} and changes nothing (no password checked, no failure counted).
 */
public class SignInService implements SignIn {
    /** What a busy answer suggests: a check takes tens of milliseconds, so a slot is usually free by then. */
    public static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final Users users;
    private final SignInAttempts attempts;
    private final AddressSignInFailures addressFailures;
    private final PasswordCheckPermits permits;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final AddressSignInLimit addressLimit;
    private final Clock clock;

    public SignInService(Users users, SignInAttempts attempts, AddressSignInFailures addressFailures,
            PasswordCheckPermits permits, PasswordHasher hasher, SignInThrottle throttle,
            AddressSignInLimit addressLimit, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.addressFailures = addressFailures;
        this.permits = permits;
        this.addressLimit = addressLimit;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Outcome signIn(Command command) {
        Instant now = clock.instant();
        AddressSignInLimit.Reservation fromAddress = addressFailures.reserve(command.from(),
                current -> addressLimit.reserve(command.from(), current, now));
        return fromAddress.fold(
                granted -> checkCountingFailure(command, granted.failures()),
                refused -> new Outcome.TooManyFromAddress(refused.until(), refused.retryAfter()));
    }

    /** The address's reserved check stays counted only when a wrong password was actually checked. */
    private Outcome checkCountingFailure(Command command, AddressFailures reserved) {
        Outcome outcome = checkWithPermit(command);
        boolean failed = outcome.fold(
                signedIn -> false,
                invalidCredentials -> true,
                throttled -> false,
                tooManyFromAddress -> false,
                busy -> false);
        if (!failed) {
            addressFailures.refund(command.from(), current -> addressLimit.refund(current, reserved));
        }
        return outcome;
    }

    private Outcome checkWithPermit(Command command) {
        Optional<PasswordCheckPermits.Permit> permit = permits.tryAcquire();
        if (permit.isEmpty()) {
            return new Outcome.Busy(BUSY_RETRY_AFTER);
        }
        try (PasswordCheckPermits.Permit held = permit.get()) {
            return check(command);
        }
    }

    private Outcome check(Command command) {
        Instant now = clock.instant();
        SignInThrottle.Reservation reservation = attempts.reserve(command.email(),
                streak -> throttle.reserve(command.email(), streak, now));
        return reservation.fold(
                granted -> checkPassword(command),
                refused -> new Outcome.Throttled(refused.until(), refused.retryAfter()));
    }

    private Outcome checkPassword(Command command) {
        Optional<User> user = users.findByEmail(command.email());
        if (user.isEmpty()) {
            hasher.dummyVerify(command.password());
            return new Outcome.InvalidCredentials();
        }
        if (!hasher.verify(command.password(), user.get().passwordHash())) {
            return new Outcome.InvalidCredentials();
        }
        attempts.clear(command.email());
        if (hasher.needsRehash(user.get().passwordHash())) {
            users.updatePasswordHash(user.get().id(), hasher.hash(command.password()));
        }
        return new Outcome.SignedIn(user.get().id(), user.get().email(), user.get().displayName());
    }
}
