package dev.faultline.application.intake.port.in;

import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.function.Function;

/**
 * Delete an ingest key for good: SDKs still configured with its DSN are refused like any unknown key. Only the
 * application's owners may. An application may be left without keys (then nothing reaches it).
 */
public interface DeleteIngestKey {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome deleteIngestKey(Command command);

    record Command(Requester requester, ApplicationReference application, IngestKeyId keyId) {
        public Command {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(keyId, "keyId");
        }

        /** A person's request. */
        public Command(Actor actor, ApplicationReference application, IngestKeyId keyId) {
            this(Requester.person(actor), application, keyId);
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                Function<KeyNotFound, R> keyNotFound);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return notPermitted.apply(this);
            }
        }

        record Deleted(IngestKeyId keyId) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return deleted.apply(this);
            }
        }

        /** No such application, or the actor is not one of its members. */
        record ApplicationNotFound(ApplicationReference application) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return applicationNotFound.apply(this);
            }
        }

        /** The actor is a member, but only owners manage ingest keys. */
        record NotAnOwner(ApplicationReference application) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return notAnOwner.apply(this);
            }
        }

        /** The application has no key with this id. */
        record KeyNotFound(IngestKeyId keyId) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<NotAnOwner, R> notAnOwner,
                    Function<KeyNotFound, R> keyNotFound) {
                return keyNotFound.apply(this);
            }
        }
    }
}
