package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.InMemoryUnit;
import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.domain.access.ChainId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The changes of one {@link InMemoryTokenChains}. Nothing else shares the store, so the feed is connected from
 * the moment one subscribes and never disconnects; a change is delivered when the write returns, or when the unit
 * of work around it ends (delivering for a unit that rolled back too: a spare notice costs one reload).
 */
public final class InMemoryChainChanges implements ChainChanges {
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
        listener.connected();
    }

    void announce(List<ChainId> changed) {
        if (changed.isEmpty()) {
            return;
        }
        InMemoryUnit.current().ifPresentOrElse(unit -> unit.onEnd(() -> deliver(changed)), () -> deliver(changed));
    }

    private void deliver(List<ChainId> changed) {
        for (Listener listener : listeners) {
            changed.forEach(listener::changed);
        }
    }
}
