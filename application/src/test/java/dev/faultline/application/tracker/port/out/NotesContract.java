package dev.faultline.application.tracker.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static dev.faultline.application.testing.Fixtures.application;
import static dev.faultline.application.testing.Fixtures.issue;
import static dev.faultline.application.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.NoteId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Notes} adapter must do. */
public abstract class NotesContract {
    protected abstract Notes notes();

    /** For the issues notes are written on and their authors. */
    protected abstract Issues issues();

    protected abstract Applications applications();

    protected abstract Users users();

    private IssueId someIssue() {
        Application app = application();
        applications().add(app);
        Issue issue = issue(app.id());
        issues().add(issue);
        return issue.id();
    }

    private UserId someone() {
        User user = user();
        users().add(user);
        return user.id();
    }

    @Test
    void finds_a_note_exactly_as_written() {
        Note note = Note.write(someIssue(), someone(), "Repro:\n\t1. add to cart\n\t2. pay", T0.plusNanos(5_000));
        notes().add(note);
        assertThat(notes().findById(note.id())).contains(note);
        assertThat(notes().findById(NoteId.random())).isEmpty();
    }

    @Test
    void keeps_the_longest_body_allowed() {
        Note note = Note.write(someIssue(), someone(), "x".repeat(Note.MAX_BODY_LENGTH), T0);
        notes().add(note);
        assertThat(notes().findById(note.id()).orElseThrow().body()).hasSize(Note.MAX_BODY_LENGTH);
    }

    @Test
    void lists_an_issues_notes_oldest_first() {
        IssueId issue = someIssue();
        UserId ada = someone();
        Note second = new Note(new NoteId(UUID.fromString("f0000000-0000-4000-8000-000000000000")), issue, ada,
                "second", T0.plusSeconds(1));
        Note thirdTie = new Note(new NoteId(UUID.fromString("f1000000-0000-4000-8000-000000000000")), issue, ada,
                "third", T0.plusSeconds(1));
        Note first = Note.write(issue, ada, "first", T0);
        notes().add(thirdTie);
        notes().add(first);
        notes().add(second);
        notes().add(Note.write(someIssue(), ada, "elsewhere", T0));
        assertThat(notes().listByIssue(issue)).containsExactly(first, second, thirdTie);
        assertThat(notes().listByIssue(IssueId.random())).isEmpty();
    }

    @Test
    void deletes_once() {
        Note note = Note.write(someIssue(), someone(), "obsolete", T0);
        notes().add(note);
        assertThat(notes().delete(note.id())).isTrue();
        assertThat(notes().findById(note.id())).isEmpty();
        assertThat(notes().delete(note.id())).isFalse();
    }
}
