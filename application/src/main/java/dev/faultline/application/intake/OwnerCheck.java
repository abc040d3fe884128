package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.Requester;
import dev.faultline.application.tracker.ApplicationResolver;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Permission;
import dev.faultline.domain.tracker.Role;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Who may do what with an application's ingest keys: its members see them, its owners manage them, anyone else
 * finds no application, exactly as if there were none; the operator may do everything with every application.
 */
final class OwnerCheck {
    private final ApplicationResolver resolver;
    private final Applications applications;
    private final Memberships memberships;

    OwnerCheck(Applications applications, Memberships memberships) {
        this.resolver = new ApplicationResolver(applications, memberships);
        this.applications = applications;
        this.memberships = memberships;
    }

    boolean permitted(Requester requester, Permission required) {
        return requester.fold(person -> person.actor().may(required), operator -> true);
    }

    /** The application, if the requester may see it. */
    Optional<Application> visible(Requester requester, ApplicationReference reference) {
        return requester.fold(person -> resolver.resolve(person.actor().user(), reference),
                operator -> anyNamed(reference));
    }

    /** Whether the requester manages the application's keys: one of its owners, or the operator. */
    boolean owns(Requester requester, Application application) {
        return requester.fold(person -> memberships.find(application.id(), person.actor().user())
                .map(m -> m.role() == Role.OWNER).orElse(false), operator -> true);
    }

    private Optional<Application> anyNamed(ApplicationReference reference) {
        Optional<Application> byId;
        try {
            byId = applications.findById(new ApplicationId(UUID.fromString(reference.value())));
        } catch (IllegalArgumentException e) {
            byId = Optional.empty();
        }
        Optional<Application> bySlug;
        try {
            bySlug = applications.findBySlug(new ApplicationSlug(reference.value()));
        } catch (InvalidValue e) {
            bySlug = Optional.empty();
        }
        return Stream.concat(byId.stream(), bySlug.stream()).filter(reference::names).findFirst();
    }
}
