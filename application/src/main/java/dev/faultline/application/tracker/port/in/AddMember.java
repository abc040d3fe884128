package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Permission;
import dev.faultline.domain.tracker.Role;
import java.util.Objects;
import java.util.function.Function;

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
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return notPermitted.apply(this);
            }
        }

        record Added(Membership membership) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return added.apply(this);
            }
        }

        /** No such application, or the actor is not one of its members. */
        record ApplicationNotFound(ApplicationId applicationId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return applicationNotFound.apply(this);
            }
        }

        /** The actor is a member, but not an owner. */
        record NotAnOwner(ApplicationId applicationId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return notAnOwner.apply(this);
            }
        }

        record UserNotFound(EmailAddress email) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return userNotFound.apply(this);
            }
        }

        record AlreadyMember(UserId userId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return alreadyMember.apply(this);
            }
        }
    }
}
