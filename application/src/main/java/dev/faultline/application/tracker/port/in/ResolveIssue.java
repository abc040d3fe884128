package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import java.util.Objects;

/** Resolve an issue (it regresses to unresolved when a new event arrives). */
public interface ResolveIssue {
    Outcome resolveIssue(Command command);

    record Command(UserId actor, IssueId issueId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
        }
    }

    sealed interface Outcome {
        record Resolved(Issue issue) implements Outcome {
        }

        /** Nothing changed. */
        record AlreadyResolved(Issue issue) implements Outcome {
        }

        record NotFound(IssueId issueId) implements Outcome {
        }
    }
}
