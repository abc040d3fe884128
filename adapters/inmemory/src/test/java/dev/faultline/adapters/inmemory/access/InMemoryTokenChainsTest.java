package dev.faultline.adapters.inmemory.access;

import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.access.port.out.TokenChainsContract;
import dev.faultline.domain.account.UserId;

class InMemoryTokenChainsTest extends TokenChainsContract {
    @Override
    protected TokenChains chains() {
        return new InMemoryTokenChains();
    }

    @Override
    protected Clients clients() {
        return new InMemoryClients();
    }

    @Override
    protected UserId existingUser() {
        return UserId.random();
    }
}
