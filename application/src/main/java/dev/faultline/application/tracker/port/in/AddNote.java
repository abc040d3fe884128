package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import java.util.Objects;

/** Write a note on an issue. */
public interface AddNote {
    Outcome addNote(Command command);

    /** The body: 1-10 000 characters, not blank, no control characters but tab and line breaks. */
    record Command(UserId actor, IssueId issueId, String body) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
            body = Note.checkedBody(body);
        }
    }

    sealed interface Outcome {
        record Added(Note note) implements Outcome {
        }

        record IssueNotFound(IssueId issueId) implements Outcome {
        }
    }
}
