package dev.faultline.adapters.postgres.intake;

import dev.faultline.adapters.postgres.storage.PostgresStorage;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.intake.IngestStorageContract;
import dev.faultline.application.storage.Storage;

/** The ingest contract on PostgreSQL, including the concurrent ingests (real row locks and unique keys). */
class PostgresIngestStorageTest extends IngestStorageContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final Storage storage = PostgresStorage.on(db.jdbi());

    @Override
    protected Storage storage() {
        return storage;
    }
}
