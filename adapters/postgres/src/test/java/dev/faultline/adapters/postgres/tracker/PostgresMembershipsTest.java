package dev.faultline.adapters.postgres.tracker;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.MembershipsContract;

class PostgresMembershipsTest extends MembershipsContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresTrackerStore store = new PostgresTrackerStore(db);

    @Override
    protected Memberships memberships() {
        return store.memberships;
    }

    @Override
    protected Users users() {
        return store.users;
    }

    @Override
    protected Applications applications() {
        return store.applications;
    }
}
