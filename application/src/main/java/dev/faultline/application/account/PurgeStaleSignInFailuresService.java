package dev.faultline.application.account;

import dev.faultline.application.account.port.in.PurgeStaleSignInFailures;
import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.domain.account.SignInThrottle;
import java.time.Clock;

/** A streak quiet for longer than the throttle's longest reach (window + longest lock-out) is harmless. */
public class PurgeStaleSignInFailuresService implements PurgeStaleSignInFailures {
    private final SignInAttempts attempts;
    private final SignInThrottle throttle;
    private final Clock clock;

    public PurgeStaleSignInFailuresService(SignInAttempts attempts, SignInThrottle throttle, Clock clock) {
        this.attempts = attempts;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public long purgeStaleSignInFailures() {
        return attempts.purgeQuietSince(clock.instant().minus(throttle.forgetAfter()));
    }
}
