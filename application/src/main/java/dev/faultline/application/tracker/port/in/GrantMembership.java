package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Role;
import java.util.Objects;
import java.util.function.Function;

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
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Granted, R> granted, Function<ApplicationNotFound, R> applicationNotFound,
                Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember);

        record Granted(Application application, Membership membership) implements Outcome {
            @Override
            public <R> R fold(
                    Function<Granted, R> granted, Function<ApplicationNotFound, R> applicationNotFound,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return granted.apply(this);
            }
        }

        record ApplicationNotFound(ApplicationSlug slug) implements Outcome {
            @Override
            public <R> R fold(
                    Function<Granted, R> granted, Function<ApplicationNotFound, R> applicationNotFound,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return applicationNotFound.apply(this);
            }
        }

        record UserNotFound(EmailAddress email) implements Outcome {
            @Override
            public <R> R fold(
                    Function<Granted, R> granted, Function<ApplicationNotFound, R> applicationNotFound,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return userNotFound.apply(this);
            }
        }

        record AlreadyMember(Application application, EmailAddress email) implements Outcome {
            @Override
            public <R> R fold(
                    Function<Granted, R> granted, Function<ApplicationNotFound, R> applicationNotFound,
                    Function<UserNotFound, R> userNotFound, Function<AlreadyMember, R> alreadyMember) {
                return alreadyMember.apply(this);
            }
        }
    }
}
