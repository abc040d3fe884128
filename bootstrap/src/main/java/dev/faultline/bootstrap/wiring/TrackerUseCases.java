package dev.faultline.bootstrap.wiring;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.intake.CreateApplicationWithIngestKeyService;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.storage.Storage;
import dev.faultline.application.tracker.AddMemberService;
import dev.faultline.application.tracker.AddNoteService;
import dev.faultline.application.tracker.AssignIssueService;
import dev.faultline.application.tracker.CreateApplicationService;
import dev.faultline.application.tracker.DeleteNoteService;
import dev.faultline.application.tracker.GrantMembershipService;
import dev.faultline.application.tracker.ListApplicationsService;
import dev.faultline.application.tracker.ListEventsService;
import dev.faultline.application.tracker.ListIssuesService;
import dev.faultline.application.tracker.MuteIssueService;
import dev.faultline.application.tracker.RecordEventService;
import dev.faultline.application.tracker.ReopenIssueService;
import dev.faultline.application.tracker.ResolveIssueService;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.DeleteNote;
import dev.faultline.application.tracker.port.in.GrantMembership;
import dev.faultline.application.tracker.port.in.ListApplications;
import dev.faultline.application.tracker.port.in.ListEvents;
import dev.faultline.application.tracker.port.in.ListIssues;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.application.tracker.port.in.ReopenIssue;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.Notes;
import java.time.Clock;

/**
 * The tracker context's use cases: reads and writes scoped to the caller, plus the operator's. Creating an
 * application also gives it its first ingest key (intake wraps the tracker's use case).
 */
public record TrackerUseCases(
        CreateApplication createApplication,
        AddMember addMember,
        GrantMembership grantMembership,
        ListApplications listApplications,
        ListIssues listIssues,
        ListEvents listEvents,
        ResolveIssue resolveIssue,
        ReopenIssue reopenIssue,
        MuteIssue muteIssue,
        AssignIssue assignIssue,
        AddNote addNote,
        DeleteNote deleteNote,
        RecordEvent recordEvent) {

    static TrackerUseCases wire(Storage storage, Clock clock) {
        Users users = storage.users();
        Applications applications = storage.applications();
        Memberships memberships = storage.memberships();
        Issues issues = storage.issues();
        Events events = storage.events();
        Notes notes = storage.notes();
        IssueActivities activities = storage.issueActivities();
        IssueTallies tallies = storage.issueTallies();
        Transactions transactions = storage.transactions();
        return new TrackerUseCases(
                new CreateApplicationWithIngestKeyService(
                        new CreateApplicationService(applications, memberships, users, transactions, clock),
                        storage.ingestKeys(), transactions, clock),
                new AddMemberService(memberships, users, clock),
                new GrantMembershipService(applications, memberships, users, clock),
                new ListApplicationsService(applications, memberships),
                new ListIssuesService(issues, memberships, applications, transactions, clock),
                new ListEventsService(issues, memberships, events),
                new ResolveIssueService(issues, memberships, activities, transactions, clock),
                new ReopenIssueService(issues, memberships, activities, transactions, clock),
                new MuteIssueService(issues, memberships, activities, transactions, clock),
                new AssignIssueService(issues, memberships, users, transactions, clock),
                new AddNoteService(issues, memberships, notes, transactions, clock),
                new DeleteNoteService(issues, memberships, notes, transactions),
                new RecordEventService(issues, memberships, events, activities, tallies, transactions, clock));
    }
}
