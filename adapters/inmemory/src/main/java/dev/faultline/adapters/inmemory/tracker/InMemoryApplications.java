package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.tracker.port.out.Applications;
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

/** Applications in a map; slug uniqueness is checked and inserted under one monitor. */
public final class InMemoryApplications implements Applications {
    private final Map<ApplicationId, Application> byId = new LinkedHashMap<>();

    @Override
    public synchronized Insertion add(Application application) {
        boolean taken = byId.containsKey(application.id())
                || byId.values().stream().anyMatch(a -> a.slug().equals(application.slug()));
        if (taken) {
            return Insertion.SLUG_TAKEN;
        }
        byId.put(application.id(), application);
        return Insertion.ADDED;
    }

    @Override
    public synchronized Optional<Application> findById(ApplicationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Application> findBySlug(ApplicationSlug slug) {
        return byId.values().stream().filter(a -> a.slug().equals(slug)).findFirst();
    }

    @Override
    public synchronized List<Application> findAll(Collection<ApplicationId> ids) {
        return ids.stream().distinct().map(byId::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Application::name)
                        .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value())))
                .toList();
    }
}
