package dev.faultline.adapters.ingest.endpoint;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.adapters.ingest.Normalisation;
import dev.faultline.adapters.ingest.protocol.DiscardedEvents;
import dev.faultline.adapters.ingest.protocol.Submission;
import java.util.Locale;
import java.util.Map;

/**
 * What ingestion did, as counters under {@code ingest.} on the admin {@code /metrics}: events accepted,
 * duplicates, refusals by reason, items dropped by type, what normalisation changed, and what the SDKs report they
 * dropped themselves ({@code client_report}: tells an operator the SDKs are backing off). Names hold only fixed
 * tokens or the protocol's validated lowercase tokens, never client text.
 */
public final class IngestMetrics {
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
            registry.counter("ingest.sdk_dropped." + report.reason() + "." + report.category())
                    .inc(report.quantity());
        }
    }

    void normalised(Normalisation normalisation) {
        for (Map.Entry<Normalisation.Reason, Integer> entry : normalisation.counts().entrySet()) {
            registry.counter("ingest.normalised." + entry.getKey().name().toLowerCase(Locale.ROOT))
                    .inc(entry.getValue());
        }
    }
}
