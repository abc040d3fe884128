package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Role;
import java.util.Objects;

/**
 * Makes a person a member of an application on the operator's authority (the command line runs with shell
 * access to the server, so it needs no owner to act through). Members added through the product itself go
 * through {@link AddMember}, which requires an owner.
 */
public interface GrantMembership {
    Outcome grantMembership(Command command);

    record Command(ApplicationSlug application, EmailAddress email, Role role) {
        public Command {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(role, "role");
        }
    }

    sealed interface Outcome {
        record Granted(Application application, Membership membership) implements Outcome {
        }

        record ApplicationNotFound(ApplicationSlug slug) implements Outcome {
        }

        record UserNotFound(EmailAddress email) implements Outcome {
        }

        record AlreadyMember(Application application, EmailAddress email) implements Outcome {
        }
    }
}
