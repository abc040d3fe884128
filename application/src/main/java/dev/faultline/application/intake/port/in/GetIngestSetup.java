package dev.faultline.application.intake.port.in;

import dev.faultline.domain.intake.Dsn;
import dev.faultline.domain.intake.IngestBaseUrl;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.InitSnippet;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Permission;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to point an application's SDKs at Faultline: its ingest id, every key with its DSN, the endpoints and the
 * few lines of setup for its platform. Every member may see this (the keys are public by design); whether the
 * actor may also manage the keys comes with it.
 */
public interface GetIngestSetup {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.READ;

    Outcome getIngestSetup(Command command);

    record Command(Requester requester, ApplicationReference application) {
        public Command {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(application, "application");
        }

        /** A person's request. */
        public Command(Actor actor, ApplicationReference application) {
            this(Requester.person(actor), application);
        }
    }

    /** One key and the DSN that carries it. */
    record KeyDsn(IngestKey key, Dsn dsn) {
        public KeyDsn {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(dsn, "dsn");
        }
    }

    /**
     * @param keys          every key of the application, enabled or not, in creation order
     * @param mayManageKeys whether the actor is an owner (creates, disables, enables and deletes keys)
     */
    record IngestSetup(Application application, IngestId ingestId, IngestBaseUrl baseUrl, List<KeyDsn> keys,
            boolean mayManageKeys) {
        public IngestSetup {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(ingestId, "ingestId");
            Objects.requireNonNull(baseUrl, "baseUrl");
            keys = List.copyOf(keys);
        }

        public List<KeyDsn> enabledKeys() {
            return keys.stream().filter(k -> k.key().enabled()).toList();
        }

        /** Where current SDKs post envelopes. */
        public String envelopeUrl() {
            return baseUrl + "/api/" + ingestId + "/envelope/";
        }

        /** Where SDKs older than envelopes post one event. */
        public String storeUrl() {
            return baseUrl + "/api/" + ingestId + "/store/";
        }

        /** The setup lines for the application's platform with its first enabled key; none without one. */
        public Optional<InitSnippet> snippet() {
            return enabledKeys().stream().findFirst()
                    .map(k -> InitSnippet.forPlatform(application.platform(), k.dsn()));
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<NotPermitted, R> notPermitted, Function<Found, R> found,
                Function<ApplicationNotFound, R> applicationNotFound);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Found, R> found,
                    Function<ApplicationNotFound, R> applicationNotFound) {
                return notPermitted.apply(this);
            }
        }

        record Found(IngestSetup setup) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Found, R> found,
                    Function<ApplicationNotFound, R> applicationNotFound) {
                return found.apply(this);
            }
        }

        /** No such application, or the actor is not one of its members. */
        record ApplicationNotFound(ApplicationReference application) implements Outcome {
            @Override
            public <R> R fold(Function<NotPermitted, R> notPermitted, Function<Found, R> found,
                    Function<ApplicationNotFound, R> applicationNotFound) {
                return applicationNotFound.apply(this);
            }
        }
    }
}
