package dev.faultline.application.intake.port.in;

import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.function.Function;

/**
 * One issue in full, as an assistant investigating it sees it: what {@link GetIssue} shows (its state, latest
 * event, recent event ids, notes) and what {@link GetIssueHistory} shows (grouping, tallies, daily counts,
 * activity), read in one unit of work behind one visibility check, so both halves describe the same moment. An
 * issue outside the actor's applications is not found, exactly like one that does not exist.
 */
public interface GetIssueInFull {
    Permission REQUIRES = Permission.READ;

    Outcome getIssueInFull(Command command);

    record Command(Actor actor, IssueId issueId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
        }
    }

    record IssueInFull(GetIssue.IssueDetails details, GetIssueHistory.IssueHistory history) {
        public IssueInFull {
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(history, "history");
        }
    }

    sealed interface Outcome {
        <R> R fold(Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound);

        /** The actor lacks {@code required}; nothing was looked at. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return notPermitted.apply(this);
            }
        }

        record Found(IssueInFull issue) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return found.apply(this);
            }
        }

        record NotFound(IssueId issueId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return notFound.apply(this);
            }
        }
    }
}
