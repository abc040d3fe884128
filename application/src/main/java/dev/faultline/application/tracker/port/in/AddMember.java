package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Permission;
import dev.faultline.domain.tracker.Role;
import java.util.Objects;

/** Give another user access to an application. Only its owners may. */
public interface AddMember {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome addMember(Command command);

    record Command(Actor actor, ApplicationId applicationId, EmailAddress memberEmail, Role role) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(memberEmail, "memberEmail");
            Objects.requireNonNull(role, "role");
        }
    }

    sealed interface Outcome {
        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
        }

        record Added(Membership membership) implements Outcome {
        }

        /** No such application, or the actor is not one of its members. */
        record ApplicationNotFound(ApplicationId applicationId) implements Outcome {
        }

        /** The actor is a member, but not an owner. */
        record NotAnOwner(ApplicationId applicationId) implements Outcome {
        }

        record UserNotFound(EmailAddress email) implements Outcome {
        }

        record AlreadyMember(UserId userId) implements Outcome {
        }
    }
}
