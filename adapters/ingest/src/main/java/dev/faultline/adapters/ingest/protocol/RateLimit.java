package dev.faultline.adapters.ingest.protocol;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One quota limit of the {@code X-Sentry-Rate-Limits} header ({@code rate-limiting.mdx}):
 * {@code retry_after:categories:scope:reason_code}, categories {@code ;}-separated, an empty list meaning every
 * category. SDKs stop sending the named categories for {@code retry_after} seconds and report what they dropped
 * as {@code ratelimit_backoff} in their next client report.
 *
 * @param categories Sentry data categories ({@code error}, {@code transaction}, {@code span}, {@code log_item},
 *                   …); empty for all
 */
public record RateLimit(Duration retryAfter, List<String> categories, Scope scope, String reasonCode) {

    /** The data categories that carry events Faultline keeps. */
    public static final List<String> EVENT_CATEGORIES = List.of("error", "default", "security");

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_]{1,64}");

    /** The unit the quota is enforced for; SDKs may ignore it. */
    public enum Scope {
        ORGANIZATION, PROJECT, KEY;

        String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RateLimit {
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("a rate limit lasts at least a second, not " + retryAfter);
        }
        categories = List.copyOf(categories);
        for (String category : categories) {
            if (!TOKEN.matcher(category).matches()) {
                throw new IllegalArgumentException("\"" + category + "\" is not a data category");
            }
        }
        if (!TOKEN.matcher(reasonCode).matches()) {
            throw new IllegalArgumentException("\"" + reasonCode + "\" is not a reason code");
        }
    }

    /**
     * This key's events, for a while: its own rate limit is exhausted. Only the event categories are named, so
     * the SDK keeps sending its client reports (which say what the limit cost) and sessions; an empty list would
     * hold those back too, and a report dropped during the back-off loses the counts it carried.
     */
    public static RateLimit keyQuota(Duration retryAfter) {
        return new RateLimit(retryAfter, EVENT_CATEGORIES, Scope.KEY, "key_quota");
    }

    /** Everything, for a while: Faultline cannot take more now (its intake is full). */
    public static RateLimit overloaded(Duration retryAfter) {
        return new RateLimit(retryAfter, List.of(), Scope.ORGANIZATION, "overloaded");
    }

    /** Whole seconds, rounded up, as {@code Retry-After} and the header's {@code retry_after} carry them. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds();
        return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
    }

    /** This limit as one entry of {@code X-Sentry-Rate-Limits}. */
    public String headerEntry() {
        return retryAfterSeconds() + ":" + String.join(";", categories) + ":" + scope.token() + ":" + reasonCode;
    }
}
