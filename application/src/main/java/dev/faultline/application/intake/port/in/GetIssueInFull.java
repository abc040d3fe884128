package dev.faultline.application.intake.port.in;

import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Permission;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * Like {@link #getIssueInFull}, but empty when the issue is still what {@code shown} was: visible to the actor,
     * at the same revision, and before {@code shown} expires. The check is one read, so a caller that remembers
     * what it made of an issue (a rendering) can reuse it exactly, on any number of instances.
     */
    Optional<Outcome> getIssueInFullIfChanged(Command command, Version shown);

    record Command(Actor actor, IssueId issueId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
        }
    }

    /**
     * @param version what this is of the issue, for {@link #getIssueInFullIfChanged}
     */
    record IssueInFull(GetIssue.IssueDetails details, GetIssueHistory.IssueHistory history, Version version) {
        public IssueInFull {
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * Which state of an issue an {@link IssueInFull} shows: the issue's revision (read before anything else of it,
     * so what was read is never older than the revision says) and when it stops being true by the clock alone,
     * at the next UTC midnight (the daily counts move on a day) or earlier when a mute lapses. (A wall clock stepped
     * back across that moment keeps a version a little longer than a fresh read would: the clock is trusted.)
     */
    record Version(IssueId issueId, long revision, Instant expires) {
        public Version {
            Objects.requireNonNull(issueId, "issueId");
            Objects.requireNonNull(expires, "expires");
        }

        /** Whether the issue at {@code revision} is still what this version showed at {@code now}. */
        public boolean holds(IssueId issueId, long revision, Instant now) {
            return this.issueId.equals(issueId) && this.revision == revision && now.isBefore(expires);
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
