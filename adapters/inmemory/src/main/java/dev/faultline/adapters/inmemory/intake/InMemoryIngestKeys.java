package dev.faultline.adapters.inmemory.intake;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.shared.Uuids;
import dev.faultline.domain.tracker.ApplicationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ingest keys in a map; public-key uniqueness is checked and inserted under one {@link TableLock}. */
public final class InMemoryIngestKeys implements IngestKeys {
    private static final Comparator<IngestKey> CREATION_ORDER = Comparator.comparing(IngestKey::createdAt)
            .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value()));
    private final Map<IngestKeyId, IngestKey> byId = new LinkedHashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId));

    @Override
    public Insertion add(IngestKey key) {
        return table.write(() -> {
            boolean taken = byId.containsKey(key.id())
                    || byId.values().stream().anyMatch(k -> k.key().equals(key.key()));
            if (taken) {
                return Insertion.KEY_TAKEN;
            }
            byId.put(key.id(), key);
            return Insertion.ADDED;
        });
    }

    @Override
    public Optional<IngestKey> findById(IngestKeyId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public List<IngestKey> listByApplication(ApplicationId applicationId) {
        return table.read(() -> byId.values().stream().filter(k -> k.applicationId().equals(applicationId))
                .sorted(CREATION_ORDER).toList());
    }

    @Override
    public int countByApplication(ApplicationId applicationId) {
        return table.read(() -> (int) byId.values().stream().filter(k -> k.applicationId().equals(applicationId))
                .count());
    }

    @Override
    public boolean updateEnabled(IngestKeyId id, boolean enabled) {
        return table.write(() -> {
            IngestKey key = byId.get(id);
            if (key == null) {
                return false;
            }
            byId.put(id, enabled ? key.enabledAgain() : key.disabled());
            return true;
        });
    }

    @Override
    public boolean recordUse(IngestKeyId id, Instant usedAt) {
        return table.write(() -> {
            IngestKey key = byId.get(id);
            if (key == null) {
                return false;
            }
            if (key.lastUsedAt().map(last -> last.isBefore(usedAt)).orElse(true)) {
                byId.put(id, key.usedAt(usedAt));
            }
            return true;
        });
    }

    @Override
    public boolean delete(IngestKeyId id) {
        return table.write(() -> byId.remove(id) != null);
    }
}
