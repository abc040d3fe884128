package dev.faultline.application.intake.port.in;

import dev.faultline.domain.tracker.Actor;
import java.util.Objects;
import java.util.function.Function;

/**
 * On whose authority ingest keys are seen or managed: a person (an {@link Actor}, held to the permission its port
 * requires and to their memberships, exactly like every tracker command), or the operator on the command line,
 * who runs with shell access to the database and may manage any application's keys (like
 * {@link dev.faultline.application.tracker.port.in.GrantMembership}).
 */
public sealed interface Requester {
    <R> R fold(Function<Person, R> person, Function<Operator, R> operator);

    static Requester person(Actor actor) {
        return new Person(actor);
    }

    static Requester operator() {
        return new Operator();
    }

    record Person(Actor actor) implements Requester {
        public Person {
            Objects.requireNonNull(actor, "actor");
        }

        @Override
        public <R> R fold(Function<Person, R> person, Function<Operator, R> operator) {
            return person.apply(this);
        }
    }

    record Operator() implements Requester {
        @Override
        public <R> R fold(Function<Person, R> person, Function<Operator, R> operator) {
            return operator.apply(this);
        }
    }
}
