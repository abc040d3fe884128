package dev.faultline.domain.tracker;

import dev.faultline.domain.account.UserId;
import java.util.Objects;

/** Who or what changed an issue's status: a person, the ingestion of an event, or Faultline itself. */
public sealed interface ActivityActor {

    record Person(UserId user) implements ActivityActor {
        public Person {
            Objects.requireNonNull(user, "user");
        }
    }

    /** An event an SDK reported (opened the issue, regressed it, ended its mute). */
    record Ingest() implements ActivityActor {
    }

    /** Faultline on its own (a scheduled job, a data migration). */
    record System() implements ActivityActor {
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
