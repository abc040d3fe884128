package dev.faultline.adapters.postgres.access;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.port.out.SigningKeyStore;
import dev.faultline.application.access.port.out.SigningKeyStoreContract;
import org.junit.jupiter.api.BeforeEach;

class PostgresSigningKeyStoreTest extends SigningKeyStoreContract {
    static final TestDatabase db = TestDatabases.fresh();

    @BeforeEach
    void clean() {
        db.truncateAll();
    }

    @Override
    protected SigningKeyStore store() {
        return new PostgresSigningKeyStore(db.jdbi());
    }
}
