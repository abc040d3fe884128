package dev.faultline.application.tracker;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.account.InMemoryUsers;
import dev.faultline.adapters.inmemory.tracker.InMemoryApplications;
import dev.faultline.adapters.inmemory.tracker.InMemoryEvents;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssues;
import dev.faultline.adapters.inmemory.tracker.InMemoryMemberships;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueActivities;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueTallies;
import dev.faultline.adapters.inmemory.tracker.InMemoryNotes;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every tracker use case wired to fresh in-memory repositories and a clock the test moves. */
final class TrackerWorld {
    final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryApplications applications = new InMemoryApplications();
    final InMemoryMemberships memberships = new InMemoryMemberships();
    final InMemoryIssues issues = new InMemoryIssues();
    final InMemoryEvents events = new InMemoryEvents();
    final InMemoryNotes notes = new InMemoryNotes();
    final InMemoryIssueActivities activities = new InMemoryIssueActivities();
    final InMemoryIssueTallies tallies = new InMemoryIssueTallies();
    final InMemoryTransactions transactions = new InMemoryTransactions();

    final CreateApplicationService createApplication =
            new CreateApplicationService(applications, memberships, users, transactions, clock);
    final AddMemberService addMember = new AddMemberService(memberships, users, clock);
    final ListApplicationsService listApplications = new ListApplicationsService(applications, memberships);
    final ListIssuesService listIssues = new ListIssuesService(issues, memberships, applications, transactions, clock);
    final GetIssueService getIssue = new GetIssueService(issues, memberships, applications, events, notes, transactions, clock);
    final ListEventsService listEvents = new ListEventsService(issues, memberships, events);
    final ResolveIssueService resolveIssue =
            new ResolveIssueService(issues, memberships, activities, transactions, clock);
    final ReopenIssueService reopenIssue = new ReopenIssueService(issues, memberships, activities, transactions, clock);
    final MuteIssueService muteIssue = new MuteIssueService(issues, memberships, activities, transactions, clock);
    final AssignIssueService assignIssue = new AssignIssueService(issues, memberships, users, transactions, clock);
    final AddNoteService addNote = new AddNoteService(issues, memberships, notes, transactions, clock);
    final DeleteNoteService deleteNote = new DeleteNoteService(issues, memberships, notes, transactions);
    final GrantMembershipService grantMembership = new GrantMembershipService(applications, memberships, users, clock);
    final RecordEventService recordEvent =
            new RecordEventService(issues, memberships, events, activities, tallies, transactions, clock);

    UserId user() {
        User user = Fixtures.user();
        users.add(user);
        return user.id();
    }

    User userRecord() {
        User user = Fixtures.user();
        users.add(user);
        return user;
    }

    Application application(UserId owner, String name) {
        return ((CreateApplication.Outcome.Created) createApplication.createApplication(new CreateApplication.Command(
                Actor.person(owner), name, new ApplicationSlug("app-" + Fixtures.unique()), new Platform("java")))).application();
    }

    void join(Application application, UserId owner, User member, Role role) {
        AddMember.Outcome outcome = addMember.addMember(
                new AddMember.Command(Actor.person(owner), application.id(), member.email(), role));
        if (!(outcome instanceof AddMember.Outcome.Added)) {
            throw new IllegalStateException(outcome.toString());
        }
    }

    static CrashReport report(String fingerprint, String title, String culprit, String type, Instant at) {
        return new CrashReport(Optional.of(new Fingerprint(fingerprint)), Optional.ofNullable(title), culprit, type,
                Level.ERROR, "something broke", at, Fixtures.frames(), Optional.of("production"),
                Optional.of("1.0.0"), new TreeMap<>(Map.of("os", "linux")), Optional.empty());
    }

    RecordEvent.Outcome.Recorded record(UserId actor, Application app, String fingerprint, Instant at) {
        return record(actor, app, report(fingerprint, "Issue " + fingerprint, "Service." + fingerprint,
                "java.lang.IllegalStateException", at));
    }

    RecordEvent.Outcome.Recorded record(UserId actor, Application app, CrashReport report) {
        RecordEvent.Outcome outcome = recordEvent.recordEvent(new RecordEvent.Command(Actor.person(actor), app.id(), report));
        if (!(outcome instanceof RecordEvent.Outcome.Recorded recorded)) {
            throw new IllegalStateException(outcome.toString());
        }
        return recorded;
    }

    Issue issue(UserId actor, Application app, String fingerprint) {
        return record(actor, app, fingerprint, clock.instant()).issue();
    }
}
