package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.application.access.port.out.ChainChangesContract;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.account.UserId;

class InMemoryChainChangesTest extends ChainChangesContract {
    private final InMemoryTokenChains store = new InMemoryTokenChains();

    @Override
    protected TokenChains chains() {
        return store;
    }

    @Override
    protected ChainChanges changes() {
        return store.changes();
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
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
