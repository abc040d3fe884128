package dev.faultline.adapters.inmemory.storage;

import dev.faultline.application.shared.TransactionsContract;
import dev.faultline.application.storage.Storage;

class InMemoryTransactionsTest extends TransactionsContract {
    @Override
    protected Storage storage() {
        return InMemoryStorage.empty();
    }
}
