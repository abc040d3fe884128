package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One issue in full: its state, its latest event with the stack trace, recent event ids and its notes. */
public interface GetIssue {
    int RECENT_EVENTS = 10;

    Outcome getIssue(Command command);

    record Command(UserId actor, IssueId issueId) {
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
        record Found(IssueDetails details) implements Outcome {
        }

        record NotFound(IssueId issueId) implements Outcome {
        }
    }
}
