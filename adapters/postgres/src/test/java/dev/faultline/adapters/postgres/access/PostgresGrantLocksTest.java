package dev.faultline.adapters.postgres.access;

import dev.faultline.adapters.postgres.JdbiTransactions;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.GrantLocksContract;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.account.UserId;

class PostgresGrantLocksTest extends GrantLocksContract {
    static final TestDatabase db = TestDatabases.fresh();

    @Override
    protected GrantLocks grantLocks() {
        return new PostgresGrantLocks(db.jdbi());
    }

    @Override
    protected Transactions transactions() {
        return new JdbiTransactions(db.jdbi());
    }

    @Override
    protected UserId existingUser() {
        return AccessTestUsers.insert(db);
    }

    /**
     * A session of this test's database waits for a row lock. The thread itself looks busy (it is reading its socket),
     * so the server is asked; only the contract's waiter can wait for a lock here, as the holder is idle in its unit.
     */
    @Override
    protected boolean isWaitingForALock(Thread thread) {
        return db.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """)
                .mapTo(Integer.class)
                .one()) > 0;
    }
}
