package dev.faultline.adapters.ingest.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data categories Faultline does not keep, announced on every accepted response as a rate limit so SDKs stop
 * sending them at all ("{@code X-Sentry-Rate-Limits} returned in 200 OK responses should be treated like on 429
 * responses", {@code rate-limiting.mdx}; verified with {@code @sentry/node} 11.12.0, which then sent no spans).
 * Error events must never be among them: {@code error}, {@code default} and {@code security} are refused here, and
 * an empty list announces nothing (an empty category list would mean every category).
 */
public record UnsupportedCategories(List<String> categories, Duration retryAfter) {

    /**
     * Tracing, profiling, replays, crons, logs and metrics, by the names of Sentry's data categories
     * ({@code relay-base-schema} {@code DataCategory}, listed in {@code rate-limiting.mdx}).
     */
    public static final List<String> DEFAULT_CATEGORIES = List.of("transaction", "span", "profile",
            "profile_chunk", "replay", "monitor", "log_item", "log_byte", "trace_metric");

    /** A day: SDKs keep the limit while they run and read it again from the next response. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofDays(1);

    private static final Set<String> NEVER = Set.of("error", "default", "security");

    public UnsupportedCategories {
        categories = List.copyOf(categories);
        for (String category : categories) {
            if (NEVER.contains(category)) {
                throw new IllegalArgumentException("\"" + category + "\" carries crashes: Faultline keeps it");
            }
        }
        new RateLimit(retryAfter, categories, RateLimit.Scope.PROJECT, "unsupported"); // validates the values
    }

    public static UnsupportedCategories defaults() {
        return new UnsupportedCategories(DEFAULT_CATEGORIES, DEFAULT_RETRY_AFTER);
    }

    public static UnsupportedCategories none() {
        return new UnsupportedCategories(List.of(), DEFAULT_RETRY_AFTER);
    }

    /** The limit to announce, if any category is named. */
    public Optional<RateLimit> asRateLimit() {
        return categories.isEmpty() ? Optional.empty()
                : Optional.of(new RateLimit(retryAfter, categories, RateLimit.Scope.PROJECT, "unsupported"));
    }
}
