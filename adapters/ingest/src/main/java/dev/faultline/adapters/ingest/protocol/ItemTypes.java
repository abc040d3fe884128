package dev.faultline.adapters.ingest.protocol;

import java.util.Set;

/**
 * The envelope item types Sentry documents ({@code envelope-items.mdx}), so counts by type can be metric labels:
 * any other type is counted as {@value #UNKNOWN}, since a client could otherwise invent a label per request.
 */
public final class ItemTypes {

    public static final String EVENT = "event";
    public static final String CLIENT_REPORT = "client_report";
    public static final String UNKNOWN = "unknown";

    private static final Set<String> KNOWN = Set.of(EVENT, CLIENT_REPORT, "transaction", "attachment", "session",
            "sessions", "user_report", "feedback", "span", "otel_span", "log", "otel_log", "profile",
            "profile_chunk", "replay_event", "replay_recording", "replay_video", "check_in", "statsd",
            "metric_buckets", "metric_meta", "trace_metric", "security", "raw_security", "nel", "form_data",
            "unreal_report");

    private ItemTypes() {
    }

    /** The type itself when Sentry documents it, {@value #UNKNOWN} otherwise. */
    public static String label(String type) {
        return KNOWN.contains(type) ? type : UNKNOWN;
    }
}
