package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.intake.port.out.IngestedEvents.IngestedEvent;
import dev.faultline.application.intake.port.out.IngestedEvents;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.EventRecorder;
import dev.faultline.application.tracker.port.in.RecordEvent.Effect;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.domain.intake.Grouping;
import dev.faultline.domain.intake.GroupingPolicy;
import dev.faultline.domain.intake.TrackerReport;
import dev.faultline.domain.tracker.ActivityActor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.EventId;
import java.time.Instant;

/**
 * Stores an SDK's event in one unit of work: claims its {@code event_id} first (a resend is a {@code Duplicate}
 * that changes nothing), groups it with the current policy, lets the tracker's rules open or join the issue and
 * count it ({@link EventRecorder}), keeps the full document, and explains a newly opened issue's grouping.
 *
 * <p>Concurrency is settled by the storage: the claim is atomic per application and SDK event id (a concurrent
 * resend waits for the first and then sees it), and opening an issue is atomic per fingerprint (the loser joins
 * the winner's issue), so racing requests never fail, they only wait.
 */
public class IngestEventService implements IngestEvent {
    private final GroupingPolicy policy;
    private final Applications applications;
    private final IngestedEvents ingestedEvents;
    private final IssueGroupings groupings;
    private final EventRecorder recorder;
    private final Transactions transactions;

    public IngestEventService(GroupingPolicy policy, Applications applications, IngestedEvents ingestedEvents,
            IssueGroupings groupings, EventRecorder recorder, Transactions transactions) {
        this.policy = policy;
        this.applications = applications;
        this.ingestedEvents = ingestedEvents;
        this.groupings = groupings;
        this.recorder = recorder;
        this.transactions = transactions;
    }

    @Override
    public Outcome ingest(Command command) {
        ApplicationId applicationId = command.source().applicationId();
        Grouping grouping = policy.group(command.event());
        CrashReport report = TrackerReport.of(command.event(), grouping);
        return transactions.inTransaction(() -> {
            if (applications.findById(applicationId).isEmpty()) {
                return new Outcome.ApplicationGone(applicationId);
            }
            EventId eventId = EventId.random();
            return ingestedEvents.claim(new IngestedEvent(eventId, applicationId, command.event(),
                    command.receivedAt())).<Outcome>fold(
                    claimed -> record(applicationId, report, grouping, eventId, command.receivedAt()),
                    stored -> new Outcome.Duplicate(stored.existing()));
        });
    }

    private Outcome record(ApplicationId applicationId, CrashReport report, Grouping grouping, EventId eventId,
            Instant receivedAt) {
        EventRecorder.Recorded recorded = recorder.record(applicationId, report, eventId, receivedAt,
                ActivityActor.ingest());
        if (recorded.effect() == Effect.OPENED_ISSUE) {
            groupings.add(recorded.issue().id(), grouping);
        }
        return new Outcome.Stored(recorded.issue().id(), eventId, recorded.effect());
    }
}
