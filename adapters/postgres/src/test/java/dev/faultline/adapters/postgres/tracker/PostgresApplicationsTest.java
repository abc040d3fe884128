package dev.faultline.adapters.postgres.tracker;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.ApplicationsContract;

class PostgresApplicationsTest extends ApplicationsContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresTrackerStore store = new PostgresTrackerStore(db);

    @Override
    protected Applications applications() {
        return store.applications;
    }
}
