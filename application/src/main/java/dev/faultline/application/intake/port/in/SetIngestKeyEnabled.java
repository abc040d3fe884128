package dev.faultline.application.intake.port.in;

import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.function.Function;

/**
 * Disable an ingest key (SDKs using it are refused from the next request on; nothing stored is lost) or enable
 * it again. Only the application's owners may; setting the state it already has changes nothing and succeeds.
 */
public interface SetIngestKeyEnabled {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome setIngestKeyEnabled(Command command);

    record Command(Requester requester, ApplicationReference application, IngestKeyId keyId, boolean enabled) {
        public Command {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(keyId, "keyId");
        }

        /** A person's request. */
        public Command(Actor actor, ApplicationReference application, IngestKeyId keyId, boolean enabled) {
            this(Requester.person(actor), application, keyId, enabled);
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<NotPermitted, R> notPermitted, Function<Changed, R> changed,
                Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                Function<KeyNotFound, R> keyNotFound);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Changed, R> changed,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return notPermitted.apply(this);
            }
        }

        /** The key now has the asked state. */
        record Changed(IngestKey key) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Changed, R> changed,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return changed.apply(this);
            }
        }

        /** No such application, or the actor is not one of its members. */
        record ApplicationNotFound(ApplicationReference application) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Changed, R> changed,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return applicationNotFound.apply(this);
            }
        }

        /** The actor is a member, but only owners manage ingest keys. */
        record NotAnOwner(ApplicationReference application) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Changed, R> changed,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return notAnOwner.apply(this);
            }
        }

        /** The application has no key with this id. */
        record KeyNotFound(IngestKeyId keyId) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Changed, R> changed,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return keyNotFound.apply(this);
            }
        }
    }
}
