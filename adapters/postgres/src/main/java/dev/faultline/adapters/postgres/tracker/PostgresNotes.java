package dev.faultline.adapters.postgres.tracker;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.NoteId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Notes in {@code notes}. */
public final class PostgresNotes implements Notes {
    private static final String COLUMNS = "id, issue_id, author_id, body, created_at";
    private final Jdbi jdbi;
    private final PostgresIssueChanges changes;

    public PostgresNotes(Jdbi jdbi) {
        this(jdbi, PostgresIssueChanges.silent());
    }

    /** Repositories whose writes are told to {@code changes}' subscribers once committed. */
    public PostgresNotes(Jdbi jdbi, PostgresIssueChanges changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    @Override
    public void add(Note note) {
        jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO notes (" + COLUMNS + ") "
                            + "VALUES (:id, :issueId, :authorId, :body, :createdAt)")
                    .bind("id", note.id().value())
                    .bind("issueId", note.issueId().value())
                    .bind("authorId", note.author().value())
                    .bind("body", note.body())
                    .bind("createdAt", timestamp(note.createdAt()))
                    .execute();
            changes.changedHere(handle, note.issueId());
        });
    }

    @Override
    public Optional<Note> findById(NoteId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM notes WHERE id = :id")
                .bind("id", id.value())
                .map(PostgresNotes::map)
                .findOne());
    }

    @Override
    public List<Note> listByIssue(IssueId issueId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM notes "
                        + "WHERE issue_id = :issueId ORDER BY created_at, id")
                .bind("issueId", issueId.value())
                .map(PostgresNotes::map)
                .list());
    }

    @Override
    public boolean delete(NoteId id) {
        return jdbi.withHandle(handle -> handle.createQuery("DELETE FROM notes WHERE id = :id RETURNING issue_id")
                .bind("id", id.value())
                .map((rs, ctx) -> new IssueId(uuid(rs, "issue_id")))
                .findOne()
                .map(issue -> {
                    changes.changedHere(handle, issue);
                    return true;
                })
                .orElse(false));
    }

    private static Note map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Note(new NoteId(uuid(rs, "id")), new IssueId(uuid(rs, "issue_id")),
                new UserId(uuid(rs, "author_id")), rs.getString("body"), nullableInstant(rs, "created_at"));
    }
}
