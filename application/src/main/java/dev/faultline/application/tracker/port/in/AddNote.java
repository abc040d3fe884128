package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.function.Function;

/** Write a note on an issue. */
public interface AddNote {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome addNote(Command command);

    /** The body: 1-10 000 characters, not blank, no control characters but tab and line breaks. */
    record Command(Actor actor, IssueId issueId, String body) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
            body = Note.checkedBody(body);
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                Function<IssueNotFound, R> issueNotFound);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<IssueNotFound, R> issueNotFound) {
                return notPermitted.apply(this);
            }
        }

        record Added(Note note) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<IssueNotFound, R> issueNotFound) {
                return added.apply(this);
            }
        }

        record IssueNotFound(IssueId issueId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Added, R> added,
                    Function<IssueNotFound, R> issueNotFound) {
                return issueNotFound.apply(this);
            }
        }
    }
}
