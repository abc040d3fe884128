package dev.faultline.adapters.inmemory.intake;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.intake.port.out.IngestedEvents.IngestedEvent;
import dev.faultline.application.intake.port.out.IngestedEvents;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.EventId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Documents in a map. A unit of work holds this repository's lock from its claim to its end, so a concurrent claim
 * of the same id waits and then sees the document, as on PostgreSQL.
 */
public final class InMemoryIngestedEvents implements IngestedEvents {
    private final Map<EventId, IngestedEvent> byId = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId));

    @Override
    public Claim claim(IngestedEvent event) {
        return table.write(() -> {
            Optional<IngestedEvent> existing = find(event.applicationId(), event.document().eventId());
            if (existing.isPresent()) {
                return new Claim.AlreadyStored(existing.get().eventId());
            }
            byId.put(event.eventId(), event);
            return new Claim.Claimed();
        });
    }

    @Override
    public Optional<IngestedEvent> findByEventId(EventId eventId) {
        return table.read(() -> Optional.ofNullable(byId.get(eventId)));
    }

    @Override
    public Optional<IngestedEvent> findBySdkEventId(ApplicationId applicationId, SdkEventId sdkEventId) {
        return table.read(() -> find(applicationId, sdkEventId));
    }

    private Optional<IngestedEvent> find(ApplicationId applicationId, SdkEventId sdkEventId) {
        return byId.values().stream()
                .filter(e -> e.applicationId().equals(applicationId) && e.document().eventId().equals(sdkEventId))
                .findFirst();
    }

    /** Deletes the documents of these events, as deleting an event does on PostgreSQL. */
    public void removeAll(Set<EventId> eventIds) {
        table.write(() -> byId.keySet().removeAll(eventIds));
    }
}
