package dev.faultline.adapters.postgres.tracker;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.EventsContract;
import dev.faultline.application.tracker.port.out.Issues;

class PostgresEventsTest extends EventsContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresTrackerStore store = new PostgresTrackerStore(db);

    @Override
    protected Events events() {
        return store.events;
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
