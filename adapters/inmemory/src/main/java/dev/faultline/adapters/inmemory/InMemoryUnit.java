package dev.faultline.adapters.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The in-memory unit of work running on this thread, if any: what it must restore if it fails and what it must
 * release when it ends. Like Jdbi's per-thread handle for the PostgreSQL adapter, it is bound to the thread, so every
 * in-memory resource used on that thread joins it.
 *
 * <p>Resources join in two ways: a repository's {@link TableLock} keeps its lock until the unit ends and, before the
 * unit's first write to it, hands over a way to put its state back ({@link #beforeFirstWrite}); other resources (grant
 * locks) register what to release when the unit ends ({@link #onEnd}).
 */
public final class InMemoryUnit {
    private static final ThreadLocal<InMemoryUnit> CURRENT = new ThreadLocal<>();

    private final Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Runnable> restores = new ArrayList<>();
    private final Deque<Runnable> releases = new ArrayDeque<>();

    private InMemoryUnit() {
    }

    /** The unit of work this thread is in, or empty outside one. */
    public static Optional<InMemoryUnit> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs {@code work} as a unit of work, or as part of the one this thread is already in. When the outermost unit's
     * work throws, every resource it wrote is put back as it was before the unit began, then the exception
     * propagates unchanged; either way everything it holds is released.
     */
    static <T> T run(Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        InMemoryUnit unit = new InMemoryUnit();
        CURRENT.set(unit);
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            unit.restores.forEach(Runnable::run);
            throw failure;
        } finally {
            CURRENT.remove();
            unit.releaseAll();
        }
    }

    /** Runs {@code release} when this unit ends (committed or rolled back), latest registered first. */
    public void onEnd(Runnable release) {
        releases.push(release);
    }

    /** Before this unit first writes to {@code resource}: keeps the restore that {@code snapshot} returns. */
    public void beforeFirstWrite(Object resource, Supplier<Runnable> snapshot) {
        if (written.add(resource)) {
            restores.add(snapshot.get());
        }
    }

    private void releaseAll() {
        RuntimeException failed = null;
        while (!releases.isEmpty()) {
            try {
                releases.pop().run();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
