package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.access.port.out.TokenChainsContract;
import dev.faultline.application.shared.Transactions;
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

    @Override
    protected GrantLocks grantLocks() {
        return new InMemoryGrantLocks();
    }

    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
