package dev.faultline.application.access;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code maxFetches} Client ID Metadata Document fetches per client address in any sliding {@code window}:
 * anyone may send a client ID URL to {@code /authorize}, and each distinct one would otherwise make Faultline fetch
 * it. Documents served from the cache, and a request that waits for another's fetch of the same URL, do not count.
 * Kept in memory per instance (see {@link SlidingWindowRateLimiter}): with N instances an address may get up to N
 * times the limit.
 */
public record ClientMetadataFetchLimit(int maxFetches, Duration window) {
    public static final int DEFAULT_MAX_FETCHES = 30;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    public static final ClientMetadataFetchLimit DEFAULT = new ClientMetadataFetchLimit(DEFAULT_MAX_FETCHES,
            DEFAULT_WINDOW);

    public ClientMetadataFetchLimit {
        Objects.requireNonNull(window, "window");
        if (maxFetches < 1) {
            throw new IllegalArgumentException("maxFetches must be at least 1, was " + maxFetches);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }

    /** The limit in words, e.g. "30 per 10 minutes". */
    public String inWords() {
        long seconds = window.toSeconds();
        String per = seconds % 60 == 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
        return maxFetches + " per " + per;
    }

    private static String plural(long count, String unit) {
        return count == 1 ? unit : count + " " + unit + "s";
    }
}
