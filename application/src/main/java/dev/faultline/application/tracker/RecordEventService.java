package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Ingests a crash report: finds (and locks) the issue with the report's fingerprint or opens a new one, stores
 * the event and counts it, all in one unit of work. Reports dated more than {@link #CLOCK_SKEW} in the future
 * are refused.
 */
public class RecordEventService implements RecordEvent {
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private final MemberScope scope;
    private final Issues issues;
    private final Events events;
    private final Transactions transactions;
    private final Clock clock;

    public RecordEventService(Issues issues, Memberships memberships, Events events, Transactions transactions,
            Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.issues = issues;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome recordEvent(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        Instant now = clock.instant();
        CrashReport report = command.report();
        CrashReport.requireNotAfter(report.occurredAt(), now.plus(CLOCK_SKEW));
        if (!scope.canSee(command.actor().user(), command.applicationId())) {
            return new Outcome.ApplicationNotFound(command.applicationId());
        }
        Fingerprint fingerprint = report.effectiveFingerprint();
        return transactions.inTransaction(() -> {
            Optional<Issue> existing = issues.lockByFingerprint(command.applicationId(), fingerprint);
            boolean opened = false;
            Issue issue;
            if (existing.isPresent()) {
                issue = existing.get();
            } else {
                Issue fresh = report.openIssue(command.applicationId());
                opened = issues.add(fresh) == Issues.Insertion.ADDED;
                // Lost a race to open the same issue: join the winner's.
                issue = opened ? fresh : issues.lockByFingerprint(command.applicationId(), fingerprint).orElseThrow();
            }
            Event event = report.toEvent(issue.id());
            events.add(event);
            Issue.RecordEventOutcome outcome = issue.recordEvent(event, now);
            issues.update(outcome.issue());
            return new Outcome.Recorded(outcome.issue(), event, opened ? Effect.OPENED_ISSUE : effectOf(outcome));
        });
    }

    private static Effect effectOf(Issue.RecordEventOutcome outcome) {
        return outcome.fold(counted -> Effect.COUNTED, regressed -> Effect.REGRESSED,
                muteEnded -> Effect.ENDED_MUTE, stillMuted -> Effect.COUNTED_WHILE_MUTED);
    }
}
