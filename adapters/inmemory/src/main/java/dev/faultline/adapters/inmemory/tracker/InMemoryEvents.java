package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.domain.shared.Uuids;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Events in a map, listed newest first. */
public final class InMemoryEvents implements Events {
    private static final Comparator<Event> NEWEST_FIRST = Comparator.comparing(Event::occurredAt)
            .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value())).reversed();

    private final Map<EventId, Event> byId = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId));
    private final InMemoryIssueChanges changes;

    public InMemoryEvents() {
        this(new InMemoryIssueChanges());
    }

    /** Events whose removals count as changes of their issue in {@code changes} (an addition is counted by the
     * update of its issue that counts it). */
    public InMemoryEvents(InMemoryIssueChanges changes) {
        this.changes = changes;
    }

    @Override
    public void add(Event event) {
        table.write(() -> {
            if (byId.putIfAbsent(event.id(), event) != null) {
                throw new IllegalStateException("event " + event.id() + " is already stored");
            }
        });
    }

    @Override
    public Optional<Event> findById(EventId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public List<Event> listByIssue(IssueId issueId, Optional<Position> after, int fetch) {
        return table.read(() -> byId.values().stream()
                .filter(e -> e.issueId().equals(issueId))
                .filter(e -> after.map(p -> isAfter(e, p)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(fetch)
                .toList());
    }

    private static boolean isAfter(Event event, Position position) {
        int byTime = event.occurredAt().compareTo(position.occurredAt());
        return byTime < 0 || (byTime == 0 && Uuids.compareUnsigned(event.id().value(), position.id().value()) < 0);
    }

    /** Every stored event, for the in-memory retention. */
    public List<Event> all() {
        return table.read(() -> List.copyOf(byId.values()));
    }

    /** Deletes these events (unknown ids are ignored), for the in-memory retention. */
    public void removeAll(Set<EventId> ids) {
        table.write(() -> ids.forEach(id -> {
            Event removed = byId.remove(id);
            if (removed != null) {
                changes.changed(removed.issueId());
            }
        }));
    }
}
