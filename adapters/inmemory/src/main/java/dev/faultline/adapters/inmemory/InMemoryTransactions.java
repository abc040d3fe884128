package dev.faultline.adapters.inmemory;

import dev.faultline.application.shared.Transactions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Units of work for the in-memory store: one process-wide lock serialises them, so a unit of work never sees
 * another's half-done writes. Rollback is not offered: in-memory use cases must decide before they write
 * (every use case does its checks first), which the shared contract suites exercise on both adapters.
 */
public final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
