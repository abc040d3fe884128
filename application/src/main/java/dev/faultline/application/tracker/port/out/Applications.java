package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The applications whose crashes Faultline collects. */
public interface Applications {
    /** Stores a new application unless its slug is taken; atomic. */
    Insertion add(Application application);

    Optional<Application> findById(ApplicationId id);

    Optional<Application> findBySlug(ApplicationSlug slug);

    /** The applications among {@code ids} that exist, ordered by name then id. */
    List<Application> findAll(Collection<ApplicationId> ids);

    enum Insertion {
        ADDED,
        SLUG_TAKEN
    }
}
