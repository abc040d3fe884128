package dev.faultline.adapters.postgres.tracker;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.IssueTalliesContract;
import dev.faultline.application.tracker.port.out.Issues;

class PostgresIssueTalliesTest extends IssueTalliesContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresTrackerStore store = new PostgresTrackerStore(db);

    @Override
    protected IssueTallies tallies() {
        return store.tallies;
    }

    @Override
    protected Issues issues() {
        return store.issues;
    }

    @Override
    protected Applications applications() {
        return store.applications;
    }
}
