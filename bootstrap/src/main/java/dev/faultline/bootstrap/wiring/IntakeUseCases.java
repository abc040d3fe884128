package dev.faultline.bootstrap.wiring;

import dev.faultline.application.intake.GetCrashReportService;
import dev.faultline.application.intake.GetIssueInFullService;
import dev.faultline.application.intake.IngestEventService;
import dev.faultline.application.intake.PurgeExpendableEventsService;
import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.intake.port.in.PurgeExpendableEvents;
import dev.faultline.application.tracker.EventRecorder;
import dev.faultline.domain.intake.GroupingPolicyV1;
import dev.faultline.application.intake.AuthenticateIngestKeyService;
import dev.faultline.application.intake.CreateIngestKeyService;
import dev.faultline.application.intake.DeleteIngestKeyService;
import dev.faultline.application.intake.GetIngestSetupService;
import dev.faultline.application.intake.SetIngestKeyEnabledService;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey;
import dev.faultline.application.intake.port.in.CreateIngestKey;
import dev.faultline.application.intake.port.in.DeleteIngestKey;
import dev.faultline.application.intake.port.in.GetCrashReport;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.application.intake.port.in.SetIngestKeyEnabled;
import dev.faultline.application.storage.Storage;
import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.domain.intake.IngestBaseUrl;
import java.time.Clock;

/**
 * The intake context's use cases: ingest keys for owners and members, authenticating an SDK's key, storing what
 * it sends (grouped by the current policy), and event retention for the purge.
 */
public record IntakeUseCases(
        AuthenticateIngestKey authenticateIngestKey,
        IngestEvent ingestEvent,
        PurgeExpendableEvents purgeExpendableEvents,
        GetIngestSetup getIngestSetup,
        CreateIngestKey createIngestKey,
        SetIngestKeyEnabled setIngestKeyEnabled,
        DeleteIngestKey deleteIngestKey,
        GetCrashReport getCrashReport,
        GetIssueInFull getIssueInFull) {

    /** {@code issueRevisions}: the store's, or a cache over them, for the check behind every kept get_issue answer. */
    static IntakeUseCases wire(Storage storage, IssueRevisions issueRevisions, IngestBaseUrl baseUrl,
            int maxKeysPerApplication, Clock clock) {
        return new IntakeUseCases(
                new AuthenticateIngestKeyService(storage.ingestIds(), storage.ingestKeys()),
                new IngestEventService(new GroupingPolicyV1(), storage.applications(), storage.ingestedEvents(),
                        storage.issueGroupings(), new EventRecorder(storage.issues(), storage.events(),
                        storage.issueActivities(), storage.issueTallies()), storage.transactions()),
                new PurgeExpendableEventsService(storage.eventRetention(), clock),
                new GetIngestSetupService(storage.applications(), storage.memberships(), storage.ingestIds(),
                        storage.ingestKeys(), baseUrl),
                new CreateIngestKeyService(storage.applications(), storage.memberships(), storage.ingestIds(),
                        storage.ingestKeys(), baseUrl, maxKeysPerApplication, storage.transactions(), clock),
                new SetIngestKeyEnabledService(storage.applications(), storage.memberships(), storage.ingestKeys(),
                        storage.transactions()),
                new DeleteIngestKeyService(storage.applications(), storage.memberships(), storage.ingestKeys(),
                        storage.transactions()),
                new GetCrashReportService(storage.issues(), storage.memberships(), storage.events(),
                        storage.ingestedEvents(), clock),
                new GetIssueInFullService(storage.issues(), storage.memberships(), storage.applications(),
                        storage.events(), storage.notes(), storage.issueGroupings(), storage.issueTallies(),
                        storage.issueActivities(), storage.users(), storage.issueRevisions(), issueRevisions,
                        storage.transactions(), clock));
    }
}
