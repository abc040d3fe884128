package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import java.util.Objects;

/** Reopen a resolved or muted issue. */
public interface ReopenIssue {
    Outcome reopenIssue(Command command);

    record Command(UserId actor, IssueId issueId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
        }
    }

    sealed interface Outcome {
        record Reopened(Issue issue) implements Outcome {
        }

        /** Nothing changed. */
        record AlreadyUnresolved(Issue issue) implements Outcome {
        }

        record NotFound(IssueId issueId) implements Outcome {
        }
    }
}
