package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.MuteRule;
import dev.faultline.domain.tracker.Permission;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** Mute an issue for ever, until a moment, or until N more events arrive. */
public interface MuteIssue {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome muteIssue(Command command);

    record Command(Actor actor, IssueId issueId, MuteRule rule) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
            Objects.requireNonNull(rule, "rule");
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Muted, R> muted,
                Function<UntilTimeNotInFuture, R> untilTimeNotInFuture, Function<NotFound, R> notFound);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Muted, R> muted,
                    Function<UntilTimeNotInFuture, R> untilTimeNotInFuture, Function<NotFound, R> notFound) {
                return notPermitted.apply(this);
            }
        }

        record Muted(Issue issue) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Muted, R> muted,
                    Function<UntilTimeNotInFuture, R> untilTimeNotInFuture, Function<NotFound, R> notFound) {
                return muted.apply(this);
            }
        }

        /** Muting until a moment that has already come is refused; nothing changed. */
        record UntilTimeNotInFuture(Instant until, Instant now) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Muted, R> muted,
                    Function<UntilTimeNotInFuture, R> untilTimeNotInFuture, Function<NotFound, R> notFound) {
                return untilTimeNotInFuture.apply(this);
            }
        }

        record NotFound(IssueId issueId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Muted, R> muted,
                    Function<UntilTimeNotInFuture, R> untilTimeNotInFuture, Function<NotFound, R> notFound) {
                return notFound.apply(this);
            }
        }
    }
}
