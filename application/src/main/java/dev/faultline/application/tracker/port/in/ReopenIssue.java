package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;

/** Reopen a resolved or muted issue. */
public interface ReopenIssue {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome reopenIssue(Command command);

    record Command(Actor actor, IssueId issueId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
        }
    }

    sealed interface Outcome {
        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
        }

        record Reopened(Issue issue) implements Outcome {
        }

        /** Nothing changed. */
        record AlreadyUnresolved(Issue issue) implements Outcome {
        }

        record NotFound(IssueId issueId) implements Outcome {
        }
    }
}
