package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.NoteId;
import java.util.List;
import java.util.Optional;

/** Notes members wrote on issues. */
public interface Notes {
    /** Stores a new note (its issue and author must exist). */
    void add(Note note);

    Optional<Note> findById(NoteId id);

    /** The issue's notes, oldest first (created-at then id, ascending). */
    List<Note> listByIssue(IssueId issueId);

    /** Deletes the note; answers whether it existed. */
    boolean delete(NoteId id);
}
