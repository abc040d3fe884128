package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.storage.InMemoryStorage;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.GrantLocksContract;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.account.UserId;

class InMemoryGrantLocksTest extends GrantLocksContract {
    private final InMemoryStorage storage = InMemoryStorage.empty();

    @Override
    protected GrantLocks grantLocks() {
        return storage.grantLocks();
    }

    @Override
    protected Transactions transactions() {
        return storage.transactions();
    }

    @Override
    protected UserId existingUser() {
        return UserId.random();
    }

    /** Every lock here (the grant locks, a repository's, the one-unit-at-a-time lock) parks a waiting thread. */
    @Override
    protected boolean isWaitingForALock(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.BLOCKED;
    }
}
