package dev.faultline.adapters.inmemory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One in-memory repository's lock. Outside a unit of work each call holds it for that call, which makes every
 * repository method atomic. Inside a unit of work ({@link InMemoryUnit}) the first call takes it and the unit keeps
 * it until it ends, so no one else reads the unit's unfinished writes, and nothing written outside the unit can be
 * lost when a failed unit puts the repository's state back.
 */
public final class TableLock {
    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<Runnable> snapshot;

    /**
     * @param snapshot copies the repository's state and returns what puts that copy back (see
     *                 {@link #snapshotOf(Map[])} for repositories made of maps of immutable values)
     */
    public TableLock(Supplier<Runnable> snapshot) {
        this.snapshot = snapshot;
    }

    /** A snapshot of maps of immutable values: copies them now, and the restore puts the copies back. */
    @SafeVarargs
    public static Runnable snapshotOf(Map<?, ?>... maps) {
        Runnable[] restores = new Runnable[maps.length];
        for (int i = 0; i < maps.length; i++) {
            restores[i] = restoreOf(maps[i]);
        }
        return () -> {
            for (Runnable restore : restores) {
                restore.run();
            }
        };
    }

    private static <K, V> Runnable restoreOf(Map<K, V> map) {
        Map<K, V> copy = new java.util.LinkedHashMap<>(map);
        return () -> {
            map.clear();
            map.putAll(copy);
        };
    }

    public <T> T read(Supplier<T> call) {
        return hold(call, false);
    }

    public <T> T write(Supplier<T> call) {
        return hold(call, true);
    }

    public void write(Runnable call) {
        hold(() -> {
            call.run();
            return null;
        }, true);
    }

    private <T> T hold(Supplier<T> call, boolean writes) {
        Optional<InMemoryUnit> unit = InMemoryUnit.current();
        if (unit.isEmpty()) {
            lock.lock();
            try {
                return call.get();
            } finally {
                lock.unlock();
            }
        }
        if (!lock.isHeldByCurrentThread()) {
            lock.lock();
            unit.get().onEnd(lock::unlock);
        }
        if (writes) {
            unit.get().beforeFirstWrite(this, snapshot);
        }
        return call.get();
    }
}
