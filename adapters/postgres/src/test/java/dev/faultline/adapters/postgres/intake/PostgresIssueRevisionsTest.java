package dev.faultline.adapters.postgres.intake;

import dev.faultline.adapters.postgres.storage.PostgresStorage;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.intake.IssueRevisionsContract;
import dev.faultline.application.storage.Storage;

/** The revision contract on PostgreSQL: the triggers of migration V17. */
class PostgresIssueRevisionsTest extends IssueRevisionsContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final Storage storage = PostgresStorage.on(db.jdbi());

    @Override
    protected Storage storage() {
        return storage;
    }
}
