package dev.faultline.adapters.postgres.intake;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.adapters.postgres.tracker.PostgresApplications;
import dev.faultline.application.intake.port.out.IngestIds;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.intake.port.out.IngestKeysContract;
import dev.faultline.application.tracker.port.out.Applications;

class PostgresIngestKeysTest extends IngestKeysContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresIngestKeys keys = new PostgresIngestKeys(db.jdbi());
    private final PostgresIngestIds ingestIds = new PostgresIngestIds(db.jdbi());
    private final PostgresApplications applications = new PostgresApplications(db.jdbi());

    @Override
    protected IngestKeys keys() {
        return keys;
    }

    @Override
    protected IngestIds ingestIds() {
        return ingestIds;
    }

    @Override
    protected Applications applications() {
        return applications;
    }
}
