package dev.faultline.application.intake.port.in;

import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Platform;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Which application an SDK's request reports to: the ingest id of the URL and the public key the request
 * presented must name an enabled key of that application. Authenticates an application, never a person. Records
 * when the key was last used (at most once a minute per key, so a busy application does not write on every
 * event).
 */
public interface AuthenticateIngestKey {

    Outcome authenticate(IngestId ingestId, String presentedKey, Instant now);

    /** Where accepted events go, and the key's own limit (events per minute) when it has one. */
    record IngestSource(ApplicationId applicationId, IngestKeyId keyId, Platform platform,
            OptionalInt eventsPerMinute) {
        public IngestSource {
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(eventsPerMinute, "eventsPerMinute");
        }
    }

    sealed interface Outcome {
        <R> R fold(Function<Authenticated, R> authenticated, Function<UnknownProject, R> unknownProject,
                Function<UnknownKey, R> unknownKey, Function<KeyDisabled, R> keyDisabled);

        record Authenticated(IngestSource source) implements Outcome {
            @Override
            public <R> R fold(Function<Authenticated, R> authenticated, Function<UnknownProject, R> unknownProject,
                    Function<UnknownKey, R> unknownKey, Function<KeyDisabled, R> keyDisabled) {
                return authenticated.apply(this);
            }
        }

        /** No application has this ingest id. */
        record UnknownProject(IngestId ingestId) implements Outcome {
            @Override
            public <R> R fold(Function<Authenticated, R> authenticated, Function<UnknownProject, R> unknownProject,
                    Function<UnknownKey, R> unknownKey, Function<KeyDisabled, R> keyDisabled) {
                return unknownProject.apply(this);
            }
        }

        /** The application exists, but no key of it matches (wrong shape, another application's key, deleted). */
        record UnknownKey(IngestId ingestId) implements Outcome {
            @Override
            public <R> R fold(Function<Authenticated, R> authenticated, Function<UnknownProject, R> unknownProject,
                    Function<UnknownKey, R> unknownKey, Function<KeyDisabled, R> keyDisabled) {
                return unknownKey.apply(this);
            }
        }

        /** The key exists and is disabled by an owner. */
        record KeyDisabled(IngestKeyId keyId, Optional<String> label) implements Outcome {
            @Override
            public <R> R fold(Function<Authenticated, R> authenticated, Function<UnknownProject, R> unknownProject,
                    Function<UnknownKey, R> unknownKey, Function<KeyDisabled, R> keyDisabled) {
                return keyDisabled.apply(this);
            }
        }
    }
}
