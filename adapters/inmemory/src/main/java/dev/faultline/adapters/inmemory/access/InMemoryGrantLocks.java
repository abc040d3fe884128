package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.InMemoryUnit;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.domain.account.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A read/write lock per person, held by the unit of work that takes it ({@link InMemoryUnit}) until that unit
 * ends: issuers share it, a revoker holds it alone. The holder is the unit of work, so a unit that issues and then
 * revokes for the same person (or the reverse) never waits for itself. Outside a unit of work a call waits for the
 * same conditions and holds nothing once it returns, as {@link GrantLocks} says.
 */
public final class InMemoryGrantLocks implements GrantLocks {
    /** Who holds each person's lock; an entry is removed once nobody holds it. */
    private final Map<UserId, Holders> held = new HashMap<>();

    @Override
    public void lockForRevoking(UserId user) {
        acquire(Objects.requireNonNull(user, "user"), true);
    }

    @Override
    public void lockForIssuing(UserId user) {
        acquire(Objects.requireNonNull(user, "user"), false);
    }

    private void acquire(UserId user, boolean exclusive) {
        Optional<InMemoryUnit> unit = InMemoryUnit.current();
        Object holder = unit.<Object>map(u -> u).orElseGet(Object::new);
        synchronized (this) {
            while (!held.getOrDefault(user, Holders.NONE).admits(holder, exclusive)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the grant lock of " + user, e);
                }
            }
            Holders holders = held.computeIfAbsent(user, key -> new Holders());
            boolean alreadyHeld = holders.holds(holder);
            holders.add(holder, exclusive);
            if (unit.isEmpty()) {
                release(user, holder);
            } else if (!alreadyHeld) {
                unit.get().onEnd(() -> release(user, holder));
            }
        }
    }

    private synchronized void release(UserId user, Object holder) {
        Holders holders = held.get(user);
        holders.remove(holder);
        if (holders.isEmpty()) {
            held.remove(user);
        }
        notifyAll();
    }

    /** The units holding one person's lock: several issuers, or one revoker (who may also issue). */
    private static final class Holders {
        static final Holders NONE = new Holders();

        private final Map<Object, Boolean> exclusiveByHolder = new HashMap<>();

        boolean holds(Object holder) {
            return exclusiveByHolder.containsKey(holder);
        }

        boolean admits(Object holder, boolean exclusive) {
            for (Map.Entry<Object, Boolean> other : exclusiveByHolder.entrySet()) {
                if (other.getKey() != holder && (exclusive || other.getValue())) {
                    return false;
                }
            }
            return true;
        }

        void add(Object holder, boolean exclusive) {
            exclusiveByHolder.merge(holder, exclusive, Boolean::logicalOr);
        }

        void remove(Object holder) {
            exclusiveByHolder.remove(holder);
        }

        boolean isEmpty() {
            return exclusiveByHolder.isEmpty();
        }
    }
}
