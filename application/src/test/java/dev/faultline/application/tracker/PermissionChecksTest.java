package dev.faultline.application.tracker;

import static dev.faultline.application.tracker.TinyTracker.untouchable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.DeleteNote;
import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.application.tracker.port.in.ListApplications;
import dev.faultline.application.tracker.port.in.ListEvents;
import dev.faultline.application.tracker.port.in.ListIssues;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.application.tracker.port.in.ReopenIssue;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.MemberReference;
import dev.faultline.domain.tracker.MuteRule;
import dev.faultline.domain.tracker.NoteId;
import dev.faultline.domain.tracker.Permission;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every tracker use case checks the permission its port declares, itself, before it touches anything: the ports
 * here fail the test if called. A surface that forgets to check still cannot read or change anything.
 */
class PermissionChecksTest {
    private final Issues issues = untouchable(Issues.class);
    private final Memberships memberships = untouchable(Memberships.class);
    private final Applications applications = untouchable(Applications.class);
    private final Events events = untouchable(Events.class);
    private final Notes notes = untouchable(Notes.class);
    private final IssueActivities activities = untouchable(IssueActivities.class);
    private final IssueTallies tallies = untouchable(IssueTallies.class);
    private final Users users = untouchable(Users.class);
    private final Transactions transactions = untouchable(Transactions.class);
    private final Clock clock = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);

    private final UserId person = UserId.random();
    private final Actor readOnly = new Actor(person, EnumSet.of(Permission.READ));
    private final Actor writeOnly = new Actor(person, EnumSet.of(Permission.WRITE));
    private final Actor nothing = new Actor(person, Set.of());
    private final IssueId issue = IssueId.random();

    @Test
    void the_write_use_cases_require_write() {
        List.of(ResolveIssue.REQUIRES, ReopenIssue.REQUIRES, MuteIssue.REQUIRES, AssignIssue.REQUIRES,
                AddNote.REQUIRES, DeleteNote.REQUIRES, CreateApplication.REQUIRES, AddMember.REQUIRES,
                RecordEvent.REQUIRES).forEach(required -> assertThat(required).isEqualTo(Permission.WRITE));
    }

    @Test
    void the_read_use_cases_require_read() {
        List.of(ListApplications.REQUIRES, ListIssues.REQUIRES, GetIssue.REQUIRES, ListEvents.REQUIRES)
                .forEach(required -> assertThat(required).isEqualTo(Permission.READ));
    }

    @Test
    void a_read_only_actor_changes_nothing() {
        for (Actor actor : List.of(readOnly, nothing)) {
            assertThat(new ResolveIssueService(issues, memberships, activities, transactions, clock)
                    .resolveIssue(new ResolveIssue.Command(actor, issue)))
                    .isEqualTo(new ResolveIssue.Outcome.NotPermitted(Permission.WRITE));
            assertThat(new ReopenIssueService(issues, memberships, activities, transactions, clock)
                    .reopenIssue(new ReopenIssue.Command(actor, issue)))
                    .isEqualTo(new ReopenIssue.Outcome.NotPermitted(Permission.WRITE));
            assertThat(new MuteIssueService(issues, memberships, activities, transactions, clock)
                    .muteIssue(new MuteIssue.Command(actor, issue, new MuteRule.Forever())))
                    .isEqualTo(new MuteIssue.Outcome.NotPermitted(Permission.WRITE));
            assertThat(new AssignIssueService(issues, memberships, users, transactions, clock)
                    .assignIssue(new AssignIssue.Command(actor, issue,
                            Optional.of(MemberReference.parse("grace@example.org", "assignee")))))
                    .isEqualTo(new AssignIssue.Outcome.NotPermitted(Permission.WRITE));
            assertThat(new AddNoteService(issues, memberships, notes, transactions, clock)
                    .addNote(new AddNote.Command(actor, issue, "a note")))
                    .isEqualTo(new AddNote.Outcome.NotPermitted(Permission.WRITE));
            assertThat(new DeleteNoteService(issues, memberships, notes, transactions)
                    .deleteNote(new DeleteNote.Command(actor, NoteId.random())))
                    .isEqualTo(new DeleteNote.Outcome.NotPermitted(Permission.WRITE));
            assertThat(new CreateApplicationService(applications, memberships, users, transactions, clock)
                    .createApplication(new CreateApplication.Command(actor, "Shop", new ApplicationSlug("shop"),
                            new Platform("android"))))
                    .isEqualTo(new CreateApplication.Outcome.NotPermitted(Permission.WRITE));
            assertThat(new AddMemberService(memberships, users, clock)
                    .addMember(new AddMember.Command(actor, ApplicationId.random(),
                            EmailAddress.of("grace@example.org"), Role.MEMBER)))
                    .isEqualTo(new AddMember.Outcome.NotPermitted(Permission.WRITE));
            assertThat(new RecordEventService(issues, memberships, events, activities, tallies,
                    transactions, clock)
                    .recordEvent(new RecordEvent.Command(actor, ApplicationId.random(), CrashReport.of("Cart.total",
                            "IllegalStateException", Level.ERROR, "boom", Fixtures.T0, Fixtures.frames()))))
                    .isEqualTo(new RecordEvent.Outcome.NotPermitted(Permission.WRITE));
        }
    }

    @Test
    void an_actor_without_read_sees_nothing() {
        for (Actor actor : List.of(writeOnly, nothing)) {
            assertThat(new ListApplicationsService(applications, memberships)
                    .listApplications(new ListApplications.Command(actor)))
                    .isEqualTo(new ListApplications.Outcome.NotPermitted(Permission.READ));
            assertThat(new ListIssuesService(issues, memberships, applications, transactions, clock)
                    .listIssues(ListIssues.Command.firstPage(actor)))
                    .isEqualTo(new ListIssues.Outcome.NotPermitted(Permission.READ));
            assertThat(new GetIssueService(issues, memberships, applications, events, notes, transactions, clock)
                    .getIssue(new GetIssue.Command(actor, issue)))
                    .isEqualTo(new GetIssue.Outcome.NotPermitted(Permission.READ));
            assertThat(new ListEventsService(issues, memberships, events)
                    .listEvents(ListEvents.Command.firstPage(actor, issue)))
                    .isEqualTo(new ListEvents.Outcome.NotPermitted(Permission.READ));
        }
    }

    @Test
    void a_person_acting_in_their_own_name_may_read_and_write() {
        assertThat(Actor.person(person).permissions()).containsExactlyInAnyOrder(Permission.values());
    }
}
