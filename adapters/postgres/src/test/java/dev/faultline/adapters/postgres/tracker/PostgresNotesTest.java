package dev.faultline.adapters.postgres.tracker;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.application.tracker.port.out.NotesContract;

class PostgresNotesTest extends NotesContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresTrackerStore store = new PostgresTrackerStore(db);

    @Override
    protected Notes notes() {
        return store.notes;
    }

    @Override
    protected Issues issues() {
        return store.issues;
    }

    @Override
    protected Applications applications() {
        return store.applications;
    }

    @Override
    protected Users users() {
        return store.users;
    }
}
