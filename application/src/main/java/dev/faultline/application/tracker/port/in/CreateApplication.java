package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import java.util.Objects;

/** Create an application; its creator becomes its owner. */
public interface CreateApplication {
    Outcome createApplication(Command command);

    record Command(UserId actor, String name, ApplicationSlug slug, Platform platform) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            InvalidValue.require(name != null && !name.isBlank(), "name", "an application name is required");
            name = name.strip();
            InvalidValue.require(name.length() <= Application.MAX_NAME_LENGTH, "name",
                    "an application name is at most " + Application.MAX_NAME_LENGTH + " characters");
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(platform, "platform");
        }
    }

    sealed interface Outcome {
        record Created(Application application) implements Outcome {
        }

        record SlugTaken(ApplicationSlug slug) implements Outcome {
        }

        /** The actor is not a known user. */
        record UnknownActor(UserId actor) implements Outcome {
        }
    }
}
