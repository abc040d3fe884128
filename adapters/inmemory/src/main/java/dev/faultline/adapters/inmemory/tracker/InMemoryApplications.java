package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.intake.port.out.IngestIds;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.shared.Uuids;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applications in a map; slug uniqueness is checked and inserted under one {@link TableLock}. Each stored
 * application is numbered with its ingest id as it is added, from a counter that, like a database sequence, never
 * goes back (a rolled-back add leaves a gap).
 */
public final class InMemoryApplications implements Applications, IngestIds {
    private final Map<ApplicationId, Application> byId = new LinkedHashMap<>();
    private final Map<ApplicationId, IngestId> ingestIds = new LinkedHashMap<>();
    private long lastIngestId;
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId, ingestIds));

    @Override
    public Insertion add(Application application) {
        return table.write(() -> {
            boolean taken = byId.containsKey(application.id())
                    || byId.values().stream().anyMatch(a -> a.slug().equals(application.slug()));
            if (taken) {
                return Insertion.SLUG_TAKEN;
            }
            byId.put(application.id(), application);
            ingestIds.put(application.id(), new IngestId(++lastIngestId));
            return Insertion.ADDED;
        });
    }

    @Override
    public Optional<Application> findById(ApplicationId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<Application> findBySlug(ApplicationSlug slug) {
        return table.read(() -> byId.values().stream().filter(a -> a.slug().equals(slug)).findFirst());
    }

    @Override
    public List<Application> findAll(Collection<ApplicationId> ids) {
        return table.read(() -> ids.stream().distinct().map(byId::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Application::name)
                        .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value())))
                .toList());
    }

    @Override
    public Optional<IngestTarget> findByIngestId(IngestId ingestId) {
        return table.read(() -> ingestIds.entrySet().stream().filter(e -> e.getValue().equals(ingestId))
                .findFirst().map(e -> new IngestTarget(e.getKey(), ingestId, byId.get(e.getKey()).platform())));
    }

    @Override
    public Optional<IngestId> ingestIdOf(ApplicationId applicationId) {
        return table.read(() -> Optional.ofNullable(ingestIds.get(applicationId)));
    }
}
