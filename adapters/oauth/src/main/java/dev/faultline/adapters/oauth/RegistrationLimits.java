package dev.faultline.adapters.oauth;

import java.time.Duration;
import java.util.Objects;

/**
 * Abuse limits of the anonymous registration endpoint.
 *
 * @param maxBodyBytes         largest accepted request body (default 16 KiB); larger → 413
 * @param perAddress           registrations accepted per client address within {@code window} (default 20)
 * @param window               the sliding window of the per-address limit (default 10 minutes); excess → 429
 * @param trustForwardedFor    take the client address from the last {@code X-Forwarded-For} entry (the one our
 *                             own reverse proxy appended) instead of the connection's remote address. Only for
 *                             deployments behind exactly one trusted proxy that sets the header; otherwise
 *                             anyone could pick their own address and escape the limit. Default false.
 */
public record RegistrationLimits(int maxBodyBytes, int perAddress, Duration window, boolean trustForwardedFor) {
    public RegistrationLimits {
        if (maxBodyBytes < 256) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 256, was " + maxBodyBytes);
        }
        if (perAddress < 1) {
            throw new IllegalArgumentException("perAddress must be at least 1, was " + perAddress);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }

    public static RegistrationLimits defaults() {
        return new RegistrationLimits(16 * 1024, 20, Duration.ofMinutes(10), false);
    }
}
