package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.AuthenticateIngestKey.IngestSource;
import dev.faultline.application.storage.Storage;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.tracker.EventRecorder;
import dev.faultline.domain.intake.GroupingPolicyV1;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Platform;
import java.util.OptionalInt;

/** The ingest use case on one storage's repositories, and a new application of its own to send events to. */
record StorageIngest(IngestEventService ingest, Application app, IngestSource source) {
    static StorageIngest on(Storage storage) {
        IngestEventService ingest = new IngestEventService(new GroupingPolicyV1(), storage.applications(),
                storage.ingestedEvents(), storage.issueGroupings(), new EventRecorder(storage.issues(),
                        storage.events(), storage.issueActivities(), storage.issueTallies()), storage.transactions());
        Application app = Fixtures.application();
        storage.applications().add(app);
        return new StorageIngest(ingest, app,
                new IngestSource(app.id(), IngestKeyId.random(), new Platform("java"), OptionalInt.empty()));
    }
}
