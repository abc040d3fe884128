package dev.faultline.domain.tracker;

import dev.faultline.domain.account.UserId;
import java.util.Objects;
import java.util.function.Function;

/** Who or what changed an issue's status: a person, the ingestion of an event, or Faultline itself. */
public sealed interface ActivityActor {

    <R> R fold(Function<Person, R> person, Function<Ingest, R> ingest, Function<System, R> system);

    record Person(UserId user) implements ActivityActor {
        public Person {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public <R> R fold(Function<Person, R> person, Function<Ingest, R> ingest, Function<System, R> system) {
            return person.apply(this);
        }
    }

    /** An event an SDK reported (opened the issue, regressed it, ended its mute). */
    record Ingest() implements ActivityActor {
        @Override
        public <R> R fold(Function<Person, R> person, Function<Ingest, R> ingest, Function<System, R> system) {
            return ingest.apply(this);
        }
    }

    /** Faultline on its own (a scheduled job, a data migration). */
    record System() implements ActivityActor {
        @Override
        public <R> R fold(Function<Person, R> person, Function<Ingest, R> ingest, Function<System, R> system) {
            return system.apply(this);
        }
    }

    static ActivityActor person(UserId user) {
        return new Person(user);
    }

    static ActivityActor ingest() {
        return new Ingest();
    }

    static ActivityActor system() {
        return new System();
    }
}
