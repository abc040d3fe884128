package dev.faultline.adapters.postgres.intake;

import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.intake.port.out.IngestIds;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Platform;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Ingest ids in {@code applications.ingest_id}, unique by constraint. */
public final class PostgresIngestIds implements IngestIds {
    private final Jdbi jdbi;

    public PostgresIngestIds(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<IngestTarget> findByIngestId(IngestId ingestId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, ingest_id, platform FROM applications WHERE ingest_id = :ingestId")
                .bind("ingestId", ingestId.value())
                .map((rs, ctx) -> new IngestTarget(new ApplicationId(uuid(rs, "id")),
                        new IngestId(rs.getLong("ingest_id")), new Platform(rs.getString("platform"))))
                .findOne());
    }

    @Override
    public Optional<IngestId> ingestIdOf(ApplicationId applicationId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT ingest_id FROM applications WHERE id = :id")
                .bind("id", applicationId.value())
                .map((rs, ctx) -> new IngestId(rs.getLong("ingest_id")))
                .findOne());
    }
}
