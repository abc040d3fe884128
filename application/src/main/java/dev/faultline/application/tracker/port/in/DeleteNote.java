package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.NoteId;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.function.Function;

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
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted, Function<NotFound, R> notFound,
                Function<NotTheAuthor, R> notTheAuthor);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<NotFound, R> notFound, Function<NotTheAuthor, R> notTheAuthor) {
                return notPermitted.apply(this);
            }
        }

        record Deleted(NoteId noteId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<NotFound, R> notFound, Function<NotTheAuthor, R> notTheAuthor) {
                return deleted.apply(this);
            }
        }

        record NotFound(NoteId noteId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<NotFound, R> notFound, Function<NotTheAuthor, R> notTheAuthor) {
                return notFound.apply(this);
            }
        }

        /** The note is visible to the actor but someone else wrote it; nothing changed. */
        record NotTheAuthor(NoteId noteId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Deleted, R> deleted,
                    Function<NotFound, R> notFound, Function<NotTheAuthor, R> notTheAuthor) {
                return notTheAuthor.apply(this);
            }
        }
    }
}
