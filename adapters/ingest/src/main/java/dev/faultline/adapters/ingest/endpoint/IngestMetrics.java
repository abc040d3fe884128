package dev.faultline.adapters.ingest.endpoint;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.adapters.ingest.Normalisation;
import dev.faultline.adapters.ingest.protocol.DiscardedEvents;
import dev.faultline.adapters.ingest.protocol.Submission;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What ingestion did, as counters under {@code ingest.} on the admin {@code /metrics}: events accepted,
 * duplicates, refusals by reason, items dropped by type, what normalisation changed, and what the SDKs report they
 * dropped themselves ({@code client_report}: tells an operator the SDKs are backing off). Names hold only fixed
 * tokens: the discard reasons and data categories an SDK reports are mapped onto Sentry's documented ones, any
 * other becomes {@code other}, so a client cannot make the registry grow.
 */
public final class IngestMetrics {
    /** Sentry's client-report discard reasons ({@code client-reports.mdx}). */
    static final Set<String> DISCARD_REASONS = Set.of("queue_overflow", "cache_overflow", "buffer_overflow",
            "ratelimit_backoff", "network_error", "sample_rate", "before_send", "event_processor",
            "insufficient_data", "backpressure", "send_error", "internal_sdk_error", "ignored", "invalid");
    /** Sentry's data categories ({@code rate-limiting.mdx}). */
    static final Set<String> DATA_CATEGORIES = Set.of("default", "error", "transaction", "security", "attachment",
            "session", "profile", "profile_chunk", "replay", "span", "log_item", "log_byte", "monitor", "feedback",
            "trace_metric", "internal", "user_report", "metric_bucket", "statsd");

    private final MetricRegistry registry;

    public IngestMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    void accepted() {
        registry.meter("ingest.accepted").mark();
    }

    void duplicate() {
        registry.meter("ingest.duplicate").mark();
    }

    void rejected(String reason) {
        registry.meter("ingest.rejected." + reason).mark();
    }

    void submission(Submission submission) {
        submission.skippedItems().forEach((type, count) -> registry.counter("ingest.skipped_items." + type).inc(count));
        submission.droppedItems().forEach((item, count) -> registry.counter("ingest.dropped_items." + item.type()
                + "." + item.reason().name().toLowerCase(Locale.ROOT)).inc(count));
        for (DiscardedEvents report : submission.clientReports()) {
            registry.counter("ingest.sdk_dropped." + known(report.reason(), DISCARD_REASONS) + "."
                    + known(report.category(), DATA_CATEGORIES)).inc(report.quantity());
        }
    }

    private static String known(String token, Set<String> known) {
        return known.contains(token) ? token : "other";
    }

    void normalised(Normalisation normalisation) {
        for (Map.Entry<Normalisation.Reason, Integer> entry : normalisation.counts().entrySet()) {
            registry.counter("ingest.normalised." + entry.getKey().name().toLowerCase(Locale.ROOT))
                    .inc(entry.getValue());
        }
    }
}
