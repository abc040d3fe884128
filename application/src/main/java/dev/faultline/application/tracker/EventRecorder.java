package dev.faultline.application.tracker;

import dev.faultline.application.tracker.port.in.RecordEvent.Effect;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.domain.tracker.ActivityActor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueActivity;
import java.time.Instant;
import java.util.Optional;

/**
 * The tracker's rules for one more event, shared by every way events get in (a member's report, an SDK's
 * ingest): find and lock the issue with the report's fingerprint or open it, store the event, count it on the
 * issue (regression, end of a mute) and per release, environment and day, and record any status change in the
 * activity. Runs inside the caller's unit of work, which must commit or roll back all of it together.
 */
public final class EventRecorder {
    private final Issues issues;
    private final Events events;
    private final IssueActivities activities;
    private final IssueTallies tallies;

    public EventRecorder(Issues issues, Events events, IssueActivities activities, IssueTallies tallies) {
        this.issues = issues;
        this.events = events;
        this.activities = activities;
        this.tallies = tallies;
    }

    /** What counting the event did: the issue as stored now, the stored event, the effect. */
    public record Recorded(Issue issue, Event event, Effect effect) {
    }

    /**
     * Records the event {@code eventId} of {@code report} in {@code applicationId}. {@code now} is the moment it
     * arrived (it ends lapsed mutes); {@code by} is who the activity names for a status change.
     */
    public Recorded record(ApplicationId applicationId, CrashReport report, EventId eventId, Instant now,
            ActivityActor by) {
        Fingerprint fingerprint = report.effectiveFingerprint();
        Optional<Issue> existing = issues.lockByFingerprint(applicationId, fingerprint);
        boolean opened = false;
        Issue issue;
        if (existing.isPresent()) {
            issue = existing.get();
        } else {
            Issue fresh = report.openIssue(applicationId);
            opened = issues.add(fresh) == Issues.Insertion.ADDED;
            // Lost a race to open the same issue: join the winner's (its insert committed before ours returned).
            issue = opened ? fresh : issues.lockByFingerprint(applicationId, fingerprint).orElseThrow();
        }
        Event event = report.toEvent(eventId, issue.id());
        events.add(event);
        Issue.RecordEventOutcome outcome = issue.recordEvent(event, now);
        issues.update(outcome.issue());
        tallies.count(issue.id(), event.release(), event.environment(), event.occurredAt());
        final boolean wasOpened = opened;
        IssueActivity.ofEvent(wasOpened, outcome).ifPresent(kind -> activities.add(
                new IssueActivity(issue.id(), kind, by, now, Optional.of(event.id()))));
        return new Recorded(outcome.issue(), event, opened ? Effect.OPENED_ISSUE : effectOf(outcome));
    }

    private static Effect effectOf(Issue.RecordEventOutcome outcome) {
        return outcome.fold(counted -> Effect.COUNTED, regressed -> Effect.REGRESSED,
                muteEnded -> Effect.ENDED_MUTE, stillMuted -> Effect.COUNTED_WHILE_MUTED);
    }
}
