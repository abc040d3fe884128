package dev.faultline.adapters.postgres;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.shared.ExclusiveJobs;
import dev.faultline.application.shared.ExclusiveJobsContract;

class PostgresExclusiveJobsTest extends ExclusiveJobsContract {
    static final TestDatabase db = TestDatabases.fresh();

    @Override
    protected ExclusiveJobs firstRunner() {
        return new PostgresExclusiveJobs(db.jdbi());
    }

    @Override
    protected ExclusiveJobs secondRunner() {
        return new PostgresExclusiveJobs(Database.jdbi(db.dataSource()));
    }
}
