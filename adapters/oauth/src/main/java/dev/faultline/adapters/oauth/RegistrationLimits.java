package dev.faultline.adapters.oauth;

/**
 * Limits of the anonymous registration endpoint that belong to HTTP (the per-address rate is the application's
 * {@code ThrottleRegistrations}).
 *
 * @param maxBodyBytes         largest accepted request body (default 16 KiB); larger → 413
 * @param trustForwardedFor    take the client address from the last {@code X-Forwarded-For} entry (the one our
 *                             own reverse proxy appended) instead of the connection's remote address. Only for
 *                             deployments behind exactly one trusted proxy that sets the header; otherwise
 *                             anyone could pick their own address and escape the limit. Default false.
 */
public record RegistrationLimits(int maxBodyBytes, boolean trustForwardedFor) {
    public RegistrationLimits {
        if (maxBodyBytes < 256) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 256, was " + maxBodyBytes);
        }
    }

    public static RegistrationLimits defaults() {
        return new RegistrationLimits(16 * 1024, false);
    }
}
