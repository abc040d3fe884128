package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.DeleteNote;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.domain.tracker.Note;
import java.util.Optional;

/** Deletes a note, if the actor can see it and wrote it. */
public class DeleteNoteService implements DeleteNote {
    private final MemberScope scope;
    private final Notes notes;
    private final Transactions transactions;

    public DeleteNoteService(Issues issues, Memberships memberships, Notes notes, Transactions transactions) {
        this.scope = new MemberScope(memberships, issues);
        this.notes = notes;
        this.transactions = transactions;
    }

    @Override
    public Outcome deleteNote(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> {
            Optional<Note> note = notes.findById(command.noteId())
                    .filter(n -> scope.visibleIssue(command.actor().user(), n.issueId()).isPresent());
            if (note.isEmpty()) {
                return new Outcome.NotFound(command.noteId());
            }
            return note.get().deleteBy(command.actor().user()).<Outcome>fold(
                    permitted -> notes.delete(command.noteId())
                            ? new Outcome.Deleted(command.noteId())
                            : new Outcome.NotFound(command.noteId()),
                    notTheAuthor -> new Outcome.NotTheAuthor(command.noteId()));
        });
    }
}
