package dev.faultline.domain.tracker;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A remark a member wrote on an issue. Only its author may delete it. The constructor takes a stored body as
 * it is (reading is tolerant); {@link #write} applies the body rules (writing is strict).
 */
public record Note(NoteId id, IssueId issueId, UserId author, String body, Instant createdAt) {
    public static final int MAX_BODY_LENGTH = 10_000;

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        createdAt = Times.micros(Objects.requireNonNull(createdAt, "createdAt"));
    }

    /** The body rules (1-10 000 characters, not blank, no control characters but tab and line breaks). */
    public static String checkedBody(String body) {
        return Text.multiline(body, "body", MAX_BODY_LENGTH);
    }

    /** A new note: today's body rules apply here, where new text enters. */
    public static Note write(IssueId issueId, UserId author, String body, Instant now) {
        return new Note(NoteId.random(), issueId, author, checkedBody(body), now);
    }

    public DeletionOutcome deleteBy(UserId actor) {
        return author.equals(actor) ? new DeletionOutcome.Permitted(id) : new DeletionOutcome.NotTheAuthor(id);
    }

    /** The outcome of {@link #deleteBy}. */
    public sealed interface DeletionOutcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Permitted, R> permitted, Function<NotTheAuthor, R> notTheAuthor);

        record Permitted(NoteId noteId) implements DeletionOutcome {
            @Override
            public <R> R fold(Function<Permitted, R> permitted, Function<NotTheAuthor, R> notTheAuthor) {
                return permitted.apply(this);
            }
        }

        record NotTheAuthor(NoteId noteId) implements DeletionOutcome {
            @Override
            public <R> R fold(Function<Permitted, R> permitted, Function<NotTheAuthor, R> notTheAuthor) {
                return notTheAuthor.apply(this);
            }
        }
    }
}
