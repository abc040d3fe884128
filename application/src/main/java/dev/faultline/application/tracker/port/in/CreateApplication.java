package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Permission;
import dev.faultline.domain.tracker.Platform;
import java.util.Objects;
import java.util.function.Function;

/** Create an application; its creator becomes its owner. */
public interface CreateApplication {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome createApplication(Command command);

    record Command(Actor actor, String name, ApplicationSlug slug, Platform platform) {
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
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Created, R> created, Function<SlugTaken, R> slugTaken,
                Function<UnknownActor, R> unknownActor);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<SlugTaken, R> slugTaken, Function<UnknownActor, R> unknownActor) {
                return notPermitted.apply(this);
            }
        }

        record Created(Application application) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<SlugTaken, R> slugTaken, Function<UnknownActor, R> unknownActor) {
                return created.apply(this);
            }
        }

        record SlugTaken(ApplicationSlug slug) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<SlugTaken, R> slugTaken, Function<UnknownActor, R> unknownActor) {
                return slugTaken.apply(this);
            }
        }

        /** The actor is not a known user. */
        record UnknownActor(UserId actor) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Created, R> created,
                    Function<SlugTaken, R> slugTaken, Function<UnknownActor, R> unknownActor) {
                return unknownActor.apply(this);
            }
        }
    }
}
