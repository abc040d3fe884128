package dev.faultline.application.tracker;

import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.ApplicationSlug;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one place that finds the application a person means by an id or a slug: only among the applications they
 * are a member of, so someone else's application is absent exactly like one that does not exist. An id is tried
 * before a slug (a slug may look like a UUID).
 */
public final class ApplicationResolver {
    private final Applications applications;
    private final Memberships memberships;

    public ApplicationResolver(Applications applications, Memberships memberships) {
        this.applications = applications;
        this.memberships = memberships;
    }

    public Optional<Application> resolve(UserId actor, ApplicationReference reference) {
        return Stream.concat(byId(reference).stream(), bySlug(reference).stream())
                .filter(reference::names)
                .filter(application -> memberships.find(application.id(), actor).isPresent())
                .findFirst();
    }

    private Optional<Application> byId(ApplicationReference reference) {
        try {
            return applications.findById(new ApplicationId(UUID.fromString(reference.value())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Application> bySlug(ApplicationReference reference) {
        try {
            return applications.findBySlug(new ApplicationSlug(reference.value()));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }
}
