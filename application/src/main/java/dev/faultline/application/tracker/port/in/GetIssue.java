package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.Permission;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One issue in full: its state, its latest event with the stack trace, recent event ids and its notes. */
public interface GetIssue {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.READ;

    int RECENT_EVENTS = 10;

    Outcome getIssue(Command command);

    record Command(Actor actor, IssueId issueId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
        }
    }

    /**
     * @param issue          as seen now (a lapsed until-time mute reads unresolved)
     * @param recentEventIds up to {@link #RECENT_EVENTS}, newest first (the first is the latest event)
     * @param notes          oldest first
     */
    record IssueDetails(Issue issue, Application application, Optional<Event> latestEvent,
            List<EventId> recentEventIds, List<Note> notes) {
        public IssueDetails {
            recentEventIds = List.copyOf(recentEventIds);
            notes = List.copyOf(notes);
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return notPermitted.apply(this);
            }
        }

        record Found(IssueDetails details) implements Outcome {
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
