package dev.faultline.adapters.ingest.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ingest response as Sentry SDKs read it ({@code transport/index.mdx}, {@code rate-limiting.mdx}): the
 * status, {@code X-Sentry-Error} on a refusal, {@code Retry-After} and {@code X-Sentry-Rate-Limits} on a 429,
 * the proactive {@code X-Sentry-Rate-Limits} for unsupported categories on every response, and the CORS headers
 * browser SDKs need to read them ({@code Access-Control-Allow-Origin: *} is safe here: no cookie is involved).
 */
public record IngestResponse(int status, Map<String, String> headers, String body) {

    public static final String CONTENT_TYPE = "application/json";

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    static final String EXPOSED = "X-Sentry-Error, X-Sentry-Rate-Limits, Retry-After";

    public IngestResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** 200 with the event's id ({@code {}} when the request carried no event). */
    public static IngestResponse accepted(Optional<String> eventId, UnsupportedCategories unsupported) {
        Map<String, String> headers = corsHeaders();
        rateLimits(List.of(), unsupported).ifPresent(value -> headers.put("X-Sentry-Rate-Limits", value));
        return new IngestResponse(200, headers, eventId.map(id -> json(Map.of("id", id))).orElse("{}"));
    }

    /** The refusal's status, its reason in {@code X-Sentry-Error} and as the body's {@code detail}. */
    public static IngestResponse refused(Refusal refusal, UnsupportedCategories unsupported) {
        Map<String, String> headers = corsHeaders();
        headers.put("X-Sentry-Error", refusal.reason());
        rateLimits(List.of(), unsupported).ifPresent(value -> headers.put("X-Sentry-Rate-Limits", value));
        return new IngestResponse(refusal.status(), headers, json(Map.of("detail", refusal.reason())));
    }

    /**
     * 429: try again after the limit's time. {@code Retry-After} covers SDKs that read only it; the header entry
     * names the scope and reason, beside the proactive one.
     */
    public static IngestResponse tooManyRequests(RateLimit limit, UnsupportedCategories unsupported) {
        Map<String, String> headers = corsHeaders();
        headers.put("Retry-After", Long.toString(limit.retryAfterSeconds()));
        rateLimits(List.of(limit), unsupported).ifPresent(value -> headers.put("X-Sentry-Rate-Limits", value));
        String detail = "rate limited (" + limit.reasonCode() + "): retry after " + limit.retryAfterSeconds() + " s";
        return new IngestResponse(429, headers, json(Map.of("detail", detail)));
    }

    /**
     * 503: the store cannot take the event now (its database is unreachable); {@code Retry-After} says when to
     * try again. Not a rate limit: no {@code X-Sentry-Rate-Limits} entry beyond the proactive one.
     */
    public static IngestResponse unavailable(Duration retryAfter, UnsupportedCategories unsupported) {
        Map<String, String> headers = corsHeaders();
        long seconds = Math.max(1, retryAfter.toSeconds());
        headers.put("Retry-After", Long.toString(seconds));
        String reason = "Faultline cannot store events right now; retry after " + seconds + " s";
        headers.put("X-Sentry-Error", reason);
        rateLimits(List.of(), unsupported).ifPresent(value -> headers.put("X-Sentry-Rate-Limits", value));
        return new IngestResponse(503, headers, json(Map.of("detail", reason)));
    }

    /** 404: not an ingest endpoint Faultline serves ({@code minidump}, {@code unreal}, {@code security}, …). */
    public static IngestResponse notFound(String reason) {
        Map<String, String> headers = corsHeaders();
        headers.put("X-Sentry-Error", Refusal.headerSafe(reason));
        return new IngestResponse(404, headers, json(Map.of("detail", Refusal.headerSafe(reason))));
    }

    /** 405: ingest endpoints take {@code POST} (and {@code OPTIONS} for a preflight). */
    public static IngestResponse methodNotAllowed(String method) {
        Map<String, String> headers = corsHeaders();
        headers.put("Allow", "POST, OPTIONS");
        String reason = Refusal.headerSafe(method + " is not accepted here: send events with POST");
        headers.put("X-Sentry-Error", reason);
        return new IngestResponse(405, headers, json(Map.of("detail", reason)));
    }

    /** The answer to a CORS preflight ({@code OPTIONS}) on an ingest path. */
    public static IngestResponse preflight() {
        Map<String, String> headers = corsHeaders();
        headers.put("Access-Control-Allow-Methods", "POST, OPTIONS");
        headers.put("Access-Control-Allow-Headers", "Content-Type, X-Sentry-Auth, X-Requested-With, Origin, Accept,"
                + " Authentication, Authorization, Content-Encoding, sentry-trace, baggage");
        headers.put("Access-Control-Max-Age", "3600");
        return new IngestResponse(200, headers, "");
    }

    private static Map<String, String> corsHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ALLOW_ORIGIN, "*");
        headers.put(EXPOSE_HEADERS, EXPOSED);
        return headers;
    }

    private static Optional<String> rateLimits(List<RateLimit> limits, UnsupportedCategories unsupported) {
        List<String> entries = new ArrayList<>();
        limits.forEach(limit -> entries.add(limit.headerEntry()));
        unsupported.asRateLimit().ifPresent(limit -> entries.add(limit.headerEntry()));
        return entries.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", entries));
    }

    private static String json(Map<String, String> object) {
        try {
            return Json.mapper().writeValueAsString(object);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a map of strings is always JSON", impossible);
        }
    }
}
