package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.NoteId;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;

/** Delete one of one's own notes. */
public interface DeleteNote {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome deleteNote(Command command);

    record Command(Actor actor, NoteId noteId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(noteId, "noteId");
        }
    }

    sealed interface Outcome {
        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
        }

        record Deleted(NoteId noteId) implements Outcome {
        }

        record NotFound(NoteId noteId) implements Outcome {
        }

        /** The note is visible to the actor but someone else wrote it; nothing changed. */
        record NotTheAuthor(NoteId noteId) implements Outcome {
        }
    }
}
