package dev.faultline.adapters.inmemory.account;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.account.port.out.UsersContract;

class InMemoryUsersTest extends UsersContract {
    private final InMemoryUsers users = new InMemoryUsers();

    @Override
    protected Users users() {
        return users;
    }
}
