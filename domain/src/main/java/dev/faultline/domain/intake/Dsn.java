package dev.faultline.domain.intake;

import java.util.Objects;

/**
 * What an SDK is configured with: {@code {scheme}://{key}@{host[:port]}{path-prefix}/{ingest_id}}. An SDK derives
 * the endpoints from it ({@code {base}/api/{ingest_id}/envelope/}), so the same base URL builds both.
 */
public record Dsn(IngestBaseUrl base, PublicIngestKey key, IngestId ingestId) {
    public Dsn {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ingestId, "ingestId");
    }

    /** Where current SDKs post envelopes. */
    public String envelopeUrl() {
        return base + "/api/" + ingestId + "/envelope/";
    }

    /** Where SDKs older than envelopes post one event. */
    public String storeUrl() {
        return base + "/api/" + ingestId + "/store/";
    }

    @Override
    public String toString() {
        return base.scheme() + "://" + key + "@" + base.authority() + base.pathPrefix() + "/" + ingestId;
    }
}
