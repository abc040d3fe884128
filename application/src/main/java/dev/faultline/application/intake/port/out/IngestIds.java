package dev.faultline.application.intake.port.out;

import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Platform;
import java.util.Objects;
import java.util.Optional;

/** The numeric ingest id each application gets when it is stored, looked up either way. */
public interface IngestIds {

    /** The application a DSN's project id names, with what the ingest path needs of it. */
    Optional<IngestTarget> findByIngestId(IngestId ingestId);

    Optional<IngestId> ingestIdOf(ApplicationId applicationId);

    record IngestTarget(ApplicationId applicationId, IngestId ingestId, Platform platform) {
        public IngestTarget {
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(ingestId, "ingestId");
            Objects.requireNonNull(platform, "platform");
        }
    }
}
