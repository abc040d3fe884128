package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;

/**
 * An application's numeric ingest id: the project id of its DSN and of {@code /api/{id}/envelope/}. SDKs refuse
 * DSNs whose project id is not a number, so this is a positive number and never the application's UUID.
 */
public record IngestId(long value) {
    public IngestId {
        InvalidValue.require(value > 0, "ingest_id", "an ingest id is a positive number, not " + value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
