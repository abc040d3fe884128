package dev.faultline.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.DeleteNote;
import dev.faultline.application.tracker.port.in.ListEvents;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.NoteId;
import dev.faultline.domain.tracker.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsAndNotesTest {
    private final TrackerWorld world = new TrackerWorld();
    private UserId ada;
    private UserId stranger;
    private Application shop;
    private Application strangers;

    @BeforeEach
    void setUp() {
        ada = world.user();
        stranger = world.user();
        shop = world.application(ada, "Shop");
        strangers = world.application(stranger, "Stranger's");
    }

    @Test
    void recording_opens_an_issue_and_groups_by_fingerprint() {
        Instant t0 = world.clock.instant();
        RecordEvent.Outcome.Recorded first = world.record(ada, shop, "checkout", t0.minusSeconds(60));
        RecordEvent.Outcome.Recorded second = world.record(ada, shop, "checkout", t0.minusSeconds(30));
        RecordEvent.Outcome.Recorded other = world.record(ada, shop, "login", t0);
        assertThat(first.effect()).isEqualTo(RecordEvent.Effect.OPENED_ISSUE);
        assertThat(second.effect()).isEqualTo(RecordEvent.Effect.COUNTED);
        assertThat(second.issue().id()).isEqualTo(first.issue().id());
        assertThat(other.issue().id()).isNotEqualTo(first.issue().id());
        Issue stored = world.issues.findById(first.issue().id()).orElseThrow();
        assertThat(stored.eventCount()).isEqualTo(2);
        assertThat(stored.firstSeen()).isEqualTo(t0.minusSeconds(60));
        assertThat(stored.lastSeen()).isEqualTo(t0.minusSeconds(30));
        assertThat(world.events.findById(second.event().id())).contains(second.event());
    }

    @Test
    void without_a_fingerprint_reports_group_by_type_and_culprit_and_get_a_title() {
        Instant t0 = world.clock.instant();
        CrashReport a = CrashReport.of("CartService.total", "java.lang.NullPointerException", Level.ERROR,
                "cart is null\nat line 3", t0, Fixtures.frames());
        RecordEvent.Outcome.Recorded first = world.record(ada, shop, a);
        RecordEvent.Outcome.Recorded again = world.record(ada, shop, a);
        assertThat(again.issue().id()).isEqualTo(first.issue().id());
        assertThat(first.issue().title()).isEqualTo("NullPointerException: cart is null");
    }

    @Test
    void a_new_event_regresses_a_resolved_issue() {
        Issue issue = world.issue(ada, shop, "checkout");
        world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), issue.id()));
        RecordEvent.Outcome.Recorded again = world.record(ada, shop, "checkout", world.clock.instant());
        assertThat(again.effect()).isEqualTo(RecordEvent.Effect.REGRESSED);
        assertThat(world.issues.findById(issue.id()).orElseThrow().status()).isEqualTo(IssueStatus.UNRESOLVED);
    }

    @Test
    void recording_into_a_foreign_application_is_refused_and_writes_nothing() {
        RecordEvent.Outcome outcome = world.recordEvent.recordEvent(new RecordEvent.Command(Actor.person(ada), strangers.id(),
                TrackerWorld.report("x", null, "A.b", "E", world.clock.instant())));
        assertThat(outcome).isEqualTo(new RecordEvent.Outcome.ApplicationNotFound(strangers.id()));
        assertThat(world.issues.lockByFingerprint(strangers.id(), new dev.faultline.domain.tracker.Fingerprint("x")))
                .isEmpty();
    }

    @Test
    void reports_from_the_future_are_refused() {
        Instant tooLate = world.clock.instant().plus(Duration.ofMinutes(6));
        assertThatThrownBy(() -> world.recordEvent.recordEvent(new RecordEvent.Command(Actor.person(ada), shop.id(),
                TrackerWorld.report("x", null, "A.b", "E", tooLate)))).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("occurred_at");
    }

    @Test
    void lists_events_newest_first_across_pages() {
        Issue issue = world.issue(ada, shop, "checkout");
        Instant t0 = world.clock.instant();
        for (int i = 0; i < 6; i++) {
            world.record(ada, shop, "checkout", t0.minusSeconds(i / 2));
        }
        List<Event> seen = new ArrayList<>();
        ListEvents.Command command = new ListEvents.Command(Actor.person(ada), issue.id(), 3, Optional.empty());
        while (true) {
            ListEvents.Outcome.Page page = (ListEvents.Outcome.Page) world.listEvents.listEvents(command);
            seen.addAll(page.events());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            command = new ListEvents.Command(Actor.person(ada), issue.id(), 3, page.nextCursor());
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).occurredAt()).isBeforeOrEqualTo(seen.get(i - 1).occurredAt());
        }
    }

    @Test
    void the_events_of_a_foreign_issue_are_not_found() {
        Issue foreign = world.issue(stranger, strangers, "secret");
        assertThat(world.listEvents.listEvents(ListEvents.Command.firstPage(Actor.person(ada), foreign.id())))
                .isEqualTo(new ListEvents.Outcome.IssueNotFound(foreign.id()));
    }

    @Test
    void an_events_cursor_only_works_for_its_issue_and_user() {
        Issue one = world.issue(ada, shop, "one");
        Issue two = world.issue(ada, shop, "two");
        world.issue(ada, shop, "one");
        world.issue(ada, shop, "two");
        String cursor = ((ListEvents.Outcome.Page) world.listEvents.listEvents(
                new ListEvents.Command(Actor.person(ada), one.id(), 1, Optional.empty()))).nextCursor().orElseThrow();
        assertThat(world.listEvents.listEvents(new ListEvents.Command(Actor.person(ada), two.id(), 1, Optional.of(cursor))))
                .isInstanceOf(ListEvents.Outcome.InvalidCursor.class);
        assertThat(world.listEvents.listEvents(new ListEvents.Command(Actor.person(ada), one.id(), 1, Optional.of(cursor))))
                .isInstanceOf(ListEvents.Outcome.Page.class);
    }

    @Test
    void members_write_notes_and_delete_only_their_own() {
        User grace = world.userRecord();
        world.join(shop, ada, grace, Role.MEMBER);
        Issue issue = world.issue(ada, shop, "checkout");
        Note note = ((AddNote.Outcome.Added) world.addNote.addNote(
                new AddNote.Command(Actor.person(ada), issue.id(), "Reproduced on staging"))).note();
        assertThat(note.createdAt()).isEqualTo(world.clock.instant());
        assertThat(world.notes.listByIssue(issue.id())).containsExactly(note);

        assertThat(world.deleteNote.deleteNote(new DeleteNote.Command(Actor.person(grace.id()), note.id())))
                .isEqualTo(new DeleteNote.Outcome.NotTheAuthor(note.id()));
        assertThat(world.deleteNote.deleteNote(new DeleteNote.Command(Actor.person(stranger), note.id())))
                .isEqualTo(new DeleteNote.Outcome.NotFound(note.id()));
        assertThat(world.notes.findById(note.id())).isPresent();
        assertThat(world.deleteNote.deleteNote(new DeleteNote.Command(Actor.person(ada), note.id())))
                .isEqualTo(new DeleteNote.Outcome.Deleted(note.id()));
        assertThat(world.deleteNote.deleteNote(new DeleteNote.Command(Actor.person(ada), note.id())))
                .isEqualTo(new DeleteNote.Outcome.NotFound(note.id()));
        NoteId unknown = NoteId.random();
        assertThat(world.deleteNote.deleteNote(new DeleteNote.Command(Actor.person(ada), unknown)))
                .isEqualTo(new DeleteNote.Outcome.NotFound(unknown));
    }

    @Test
    void notes_on_foreign_issues_are_refused_as_not_found() {
        Issue foreign = world.issue(stranger, strangers, "secret");
        assertThat(world.addNote.addNote(new AddNote.Command(Actor.person(ada), foreign.id(), "hello")))
                .isEqualTo(new AddNote.Outcome.IssueNotFound(foreign.id()));
        assertThat(world.notes.listByIssue(foreign.id())).isEmpty();
        IssueId unknown = IssueId.random();
        assertThat(world.addNote.addNote(new AddNote.Command(Actor.person(ada), unknown, "hello")))
                .isEqualTo(new AddNote.Outcome.IssueNotFound(unknown));
    }

    @Test
    void note_bodies_are_bounded() {
        assertThatThrownBy(() -> new AddNote.Command(Actor.person(ada), IssueId.random(), "x".repeat(10_001)))
                .isInstanceOf(InvalidValue.class).extracting(e -> ((InvalidValue) e).field()).isEqualTo("body");
        assertThatThrownBy(() -> new AddNote.Command(Actor.person(ada), IssueId.random(), " \n\t "))
                .isInstanceOf(InvalidValue.class);
        assertThat(new AddNote.Command(Actor.person(ada), IssueId.random(), "x".repeat(10_000)).body()).hasSize(10_000);
    }
}
