package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.InMemoryUnit;
import dev.faultline.application.tracker.port.out.IssueChanges;
import dev.faultline.domain.tracker.IssueId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the writes of what each issue shows; the repositories holding it call {@link #changed} after each write.
 * A count is not put back when a unit of work fails: a revision that moved without a change costs a reader one
 * more read, while a change that kept its revision would be shown stale.
 *
 * <p>It is also the store's {@link IssueChanges} feed. Nothing else shares the store, so the feed is connected from
 * the moment one subscribes and never disconnects; a change is delivered when the write returns, or when the unit of
 * work around it ends. Memberships are never taken away here, so it never reports one.
 */
public final class InMemoryIssueChanges implements IssueChanges {
    private final Map<IssueId, Long> counted = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
        listener.connected();
    }

    public void changed(IssueId issueId) {
        counted.merge(issueId, 1L, Long::sum);
        InMemoryUnit.current().ifPresentOrElse(unit -> unit.onEnd(() -> deliver(issueId)), () -> deliver(issueId));
    }

    long count(IssueId issueId) {
        return counted.getOrDefault(issueId, 0L);
    }

    private void deliver(IssueId issueId) {
        listeners.forEach(listener -> listener.issueChanged(issueId));
    }
}
