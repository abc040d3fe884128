package dev.faultline.adapters.postgres.storage;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.shared.TransactionsContract;
import dev.faultline.application.storage.Storage;

class JdbiTransactionsTest extends TransactionsContract {
    static final TestDatabase db = TestDatabases.fresh();

    @Override
    protected Storage storage() {
        return PostgresStorage.on(db.jdbi());
    }
}
