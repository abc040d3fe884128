package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Permission;
import dev.faultline.domain.tracker.Role;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The applications the actor is a member of, by name, with the actor's role in each. */
public interface ListApplications {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.READ;

    Outcome listApplications(Command command);

    record Command(Actor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    record Entry(Application application, Role role) {
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Listed, R> listed, Function<NotPermitted, R> notPermitted);

        /** By name. */
        record Listed(List<Entry> entries) implements Outcome {
            @Override
            public <R> R fold(Function<Listed, R> listed, Function<NotPermitted, R> notPermitted) {
                return listed.apply(this);
            }

            public Listed {
                entries = List.copyOf(entries);
            }
        }

        /** The actor lacks {@code required} (e.g. a token without read access); nothing was looked at. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(Function<Listed, R> listed, Function<NotPermitted, R> notPermitted) {
                return notPermitted.apply(this);
            }
        }
    }
}
