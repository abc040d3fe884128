package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import java.util.Objects;
import java.util.Optional;

/** Assign an issue to a member of its application, or unassign it (empty assignee). */
public interface AssignIssue {
    Outcome assignIssue(Command command);

    record Command(UserId actor, IssueId issueId, Optional<UserId> assignee) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
            Objects.requireNonNull(assignee, "assignee");
        }
    }

    sealed interface Outcome {
        record Assigned(Issue issue) implements Outcome {
        }

        record Unassigned(Issue issue) implements Outcome {
        }

        /** Already so; nothing changed. */
        record Unchanged(Issue issue) implements Outcome {
        }

        record NotFound(IssueId issueId) implements Outcome {
        }

        /** The would-be assignee is not a member of the issue's application; nothing changed. */
        record AssigneeNotAMember(UserId assignee) implements Outcome {
        }
    }
}
