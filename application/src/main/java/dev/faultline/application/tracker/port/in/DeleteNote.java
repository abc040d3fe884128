package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.NoteId;
import java.util.Objects;

/** Delete one of one's own notes. */
public interface DeleteNote {
    Outcome deleteNote(Command command);

    record Command(UserId actor, NoteId noteId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(noteId, "noteId");
        }
    }

    sealed interface Outcome {
        record Deleted(NoteId noteId) implements Outcome {
        }

        record NotFound(NoteId noteId) implements Outcome {
        }

        /** The note is visible to the actor but someone else wrote it; nothing changed. */
        record NotTheAuthor(NoteId noteId) implements Outcome {
        }
    }
}
