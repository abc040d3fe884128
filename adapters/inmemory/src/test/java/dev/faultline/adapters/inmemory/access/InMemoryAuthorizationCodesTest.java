package dev.faultline.adapters.inmemory.access;

import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.AuthorizationCodesContract;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.account.UserId;

class InMemoryAuthorizationCodesTest extends AuthorizationCodesContract {
    private final Clients clients = new InMemoryClients();

    @Override
    protected AuthorizationCodes codes() {
        return new InMemoryAuthorizationCodes();
    }

    @Override
    protected Clients clients() {
        return clients;
    }

    @Override
    protected UserId existingUser() {
        return UserId.random();
    }
}
