package dev.faultline.application.intake.port.in;

import dev.faultline.domain.intake.Dsn;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;

/** Give an application another ingest key, e.g. one per deployment. Only its owners may. */
public interface CreateIngestKey {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome createIngestKey(Command command);

    /** {@code label} follows {@link IngestKey#label}; {@code eventsPerMinute} {@link IngestKey#eventsPerMinute}. */
    record Command(Requester requester, ApplicationReference application, String label, OptionalInt eventsPerMinute) {
        public Command {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(application, "application");
            label = IngestKey.label(label);
            eventsPerMinute = IngestKey.eventsPerMinute(eventsPerMinute);
        }

        /** A person's request. */
        public Command(Actor actor, ApplicationReference application, String label, OptionalInt eventsPerMinute) {
            this(Requester.person(actor), application, label, eventsPerMinute);
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                Function<TooManyKeys, R> tooManyKeys);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<TooManyKeys, R> tooManyKeys) {
                return notPermitted.apply(this);
            }
        }

        record Created(IngestKey key, Dsn dsn) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<TooManyKeys, R> tooManyKeys) {
                return created.apply(this);
            }
        }

        /** No such application, or the actor is not one of its members. */
        record ApplicationNotFound(ApplicationReference application) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<TooManyKeys, R> tooManyKeys) {
                return applicationNotFound.apply(this);
            }
        }

        /** The actor is a member, but only owners manage ingest keys. */
        record NotAnOwner(ApplicationReference application) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<TooManyKeys, R> tooManyKeys) {
                return notAnOwner.apply(this);
            }
        }

        /** The application already has {@code max} keys; delete one first. */
        record TooManyKeys(ApplicationReference application, int max) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<TooManyKeys, R> tooManyKeys) {
                return tooManyKeys.apply(this);
            }
        }
    }
}
