package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.function.Function;

/** Resolve an issue (it regresses to unresolved when a new event arrives). */
public interface ResolveIssue {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome resolveIssue(Command command);

    record Command(Actor actor, IssueId issueId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Resolved, R> resolved,
                Function<AlreadyResolved, R> alreadyResolved, Function<NotFound, R> notFound);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Resolved, R> resolved,
                    Function<AlreadyResolved, R> alreadyResolved, Function<NotFound, R> notFound) {
                return notPermitted.apply(this);
            }
        }

        record Resolved(Issue issue) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Resolved, R> resolved,
                    Function<AlreadyResolved, R> alreadyResolved, Function<NotFound, R> notFound) {
                return resolved.apply(this);
            }
        }

        /** Nothing changed. */
        record AlreadyResolved(Issue issue) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Resolved, R> resolved,
                    Function<AlreadyResolved, R> alreadyResolved, Function<NotFound, R> notFound) {
                return alreadyResolved.apply(this);
            }
        }

        record NotFound(IssueId issueId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Resolved, R> resolved,
                    Function<AlreadyResolved, R> alreadyResolved, Function<NotFound, R> notFound) {
                return notFound.apply(this);
            }
        }
    }
}
