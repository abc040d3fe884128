package dev.faultline.application.account;

import dev.faultline.application.account.port.in.PurgeStaleSignInFailures;
import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.SignInThrottle;
import java.time.Clock;

/**
 * A streak quiet for longer than the throttle's longest reach (window + longest lock-out) is harmless, and so is a
 * client address's count whose window is over.
 */
public class PurgeStaleSignInFailuresService implements PurgeStaleSignInFailures {
    private final SignInAttempts attempts;
    private final SignInThrottle throttle;
    private final AddressSignInFailures addressFailures;
    private final AddressSignInLimit addressLimit;
    private final Clock clock;

    public PurgeStaleSignInFailuresService(SignInAttempts attempts, SignInThrottle throttle,
            AddressSignInFailures addressFailures, AddressSignInLimit addressLimit, Clock clock) {
        this.attempts = attempts;
        this.throttle = throttle;
        this.addressFailures = addressFailures;
        this.addressLimit = addressLimit;
        this.clock = clock;
    }

    @Override
    public long purgeStaleSignInFailures() {
        return attempts.purgeQuietSince(clock.instant().minus(throttle.forgetAfter()))
                + (long) addressFailures.purgeWindowsStartedBefore(addressLimit.forgetWindowsStartedBefore(clock.instant()));
    }
}
