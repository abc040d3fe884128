package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.ActivityActor;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.EventId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Ingests a crash report by the tracker's rules ({@link EventRecorder}), all in one unit of work. Reports dated
 * more than {@link #CLOCK_SKEW} in the future are refused.
 */
public class RecordEventService implements RecordEvent {
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private final MemberScope scope;
    private final EventRecorder recorder;
    private final Transactions transactions;
    private final Clock clock;

    public RecordEventService(Issues issues, Memberships memberships, Events events, IssueActivities activities,
            IssueTallies tallies, Transactions transactions, Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.recorder = new EventRecorder(issues, events, activities, tallies);
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
        return transactions.inTransaction(() -> {
            EventRecorder.Recorded recorded = recorder.record(command.applicationId(), report, EventId.random(), now,
                    ActivityActor.person(command.actor().user()));
            return new Outcome.Recorded(recorded.issue(), recorded.event(), recorded.effect());
        });
    }
}
