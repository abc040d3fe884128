package dev.faultline.application.intake;

import dev.faultline.application.tracker.ApplicationResolver;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Role;
import java.util.Optional;

/**
 * Who may do what with an application's ingest keys: its members see them, its owners manage them; anyone else
 * finds no application, exactly as if there were none.
 */
final class OwnerCheck {
    private final ApplicationResolver resolver;
    private final Memberships memberships;

    OwnerCheck(Applications applications, Memberships memberships) {
        this.resolver = new ApplicationResolver(applications, memberships);
        this.memberships = memberships;
    }

    /** The application, if the actor is one of its members. */
    Optional<Application> visible(Actor actor, ApplicationReference reference) {
        return resolver.resolve(actor.user(), reference);
    }

    /** Whether the actor owns the application (and so manages its keys). */
    boolean owns(Actor actor, Application application) {
        return memberships.find(application.id(), actor.user()).map(m -> m.role() == Role.OWNER).orElse(false);
    }
}
