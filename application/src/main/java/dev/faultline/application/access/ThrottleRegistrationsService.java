package dev.faultline.application.access;

import dev.faultline.application.access.port.in.ThrottleRegistrations;
import java.time.Clock;
import java.time.Duration;

/** At most {@code perAddress} registration attempts per client address in any {@code window}, per instance. */
public final class ThrottleRegistrationsService implements ThrottleRegistrations {
    private final SlidingWindowRateLimiter limiter;

    public ThrottleRegistrationsService(int perAddress, Duration window, Clock clock) {
        this.limiter = new SlidingWindowRateLimiter(perAddress, window, clock);
    }

    @Override
    public Admission admit(String clientAddress) {
        return limiter.tryAcquire(clientAddress).fold(
                allowed -> new Admission.Admitted(),
                limited -> new Admission.Limited(limited.retryAfter()));
    }
}
