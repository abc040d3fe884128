package dev.faultline.domain.intake;

import java.util.Objects;
import java.util.UUID;

/** Identity of one ingest key (not the key itself: see {@link PublicIngestKey}). */
public record IngestKeyId(UUID value) {
    public IngestKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static IngestKeyId random() {
        return new IngestKeyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
