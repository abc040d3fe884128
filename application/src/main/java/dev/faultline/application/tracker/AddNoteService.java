package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.domain.tracker.Note;
import java.time.Clock;

/** Writes a note on an issue of one of the actor's applications. */
public class AddNoteService implements AddNote {
    private final MemberScope scope;
    private final Notes notes;
    private final Transactions transactions;
    private final Clock clock;

    public AddNoteService(Issues issues, Memberships memberships, Notes notes, Transactions transactions,
            Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.notes = notes;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome addNote(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> {
            if (scope.visibleIssue(command.actor().user(), command.issueId()).isEmpty()) {
                return new Outcome.IssueNotFound(command.issueId());
            }
            Note note = Note.write(command.issueId(), command.actor().user(), command.body(), clock.instant());
            notes.add(note);
            return new Outcome.Added(note);
        });
    }
}
