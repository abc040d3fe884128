package dev.faultline.adapters.inmemory;

import dev.faultline.application.shared.Transactions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Units of work for the in-memory store, one at a time: a unit of work runs on its thread as an
 * {@link InMemoryUnit}, which every in-memory repository used on that thread joins (nested units join the outer
 * one). A repository a unit has used stays locked until it ends, and when the work throws a {@link RuntimeException}
 * (or an {@link Error}) each repository it wrote is put back as it was, then the exception propagates unchanged.
 *
 * <p>This object's lock runs the units one after another, so two units never wait for each other's repositories
 * (no deadlock whatever order they use them in). Use one instance for one set of repositories, as
 * {@code InMemoryStorage} does.
 */
public final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return InMemoryUnit.run(work);
        } finally {
            lock.unlock();
        }
    }
}
