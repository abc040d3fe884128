package dev.faultline.adapters.postgres.account;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.account.port.out.UsersContract;

class PostgresUsersTest extends UsersContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresUsers users = new PostgresUsers(db.jdbi());

    @Override
    protected Users users() {
        return users;
    }
}
