package dev.faultline.bootstrap.wiring;

import dev.faultline.application.intake.AuthenticateIngestKeyService;
import dev.faultline.application.intake.CreateIngestKeyService;
import dev.faultline.application.intake.DeleteIngestKeyService;
import dev.faultline.application.intake.GetIngestSetupService;
import dev.faultline.application.intake.SetIngestKeyEnabledService;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey;
import dev.faultline.application.intake.port.in.CreateIngestKey;
import dev.faultline.application.intake.port.in.DeleteIngestKey;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.intake.port.in.SetIngestKeyEnabled;
import dev.faultline.application.storage.Storage;
import dev.faultline.domain.intake.IngestBaseUrl;
import java.time.Clock;

/** The intake context's use cases: ingest keys for owners and members, and authenticating an SDK's key. */
public record IntakeUseCases(
        AuthenticateIngestKey authenticateIngestKey,
        GetIngestSetup getIngestSetup,
        CreateIngestKey createIngestKey,
        SetIngestKeyEnabled setIngestKeyEnabled,
        DeleteIngestKey deleteIngestKey) {

    static IntakeUseCases wire(Storage storage, IngestBaseUrl baseUrl, int maxKeysPerApplication, Clock clock) {
        return new IntakeUseCases(
                new AuthenticateIngestKeyService(storage.ingestIds(), storage.ingestKeys()),
                new GetIngestSetupService(storage.applications(), storage.memberships(), storage.ingestIds(),
                        storage.ingestKeys(), baseUrl),
                new CreateIngestKeyService(storage.applications(), storage.memberships(), storage.ingestIds(),
                        storage.ingestKeys(), baseUrl, maxKeysPerApplication, storage.transactions(), clock),
                new SetIngestKeyEnabledService(storage.applications(), storage.memberships(), storage.ingestKeys(),
                        storage.transactions()),
                new DeleteIngestKeyService(storage.applications(), storage.memberships(), storage.ingestKeys(),
                        storage.transactions()));
    }
}
