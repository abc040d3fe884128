package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.intake.port.out.IngestIds;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.intake.Dsn;
import dev.faultline.domain.intake.IngestBaseUrl;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.tracker.Application;
import java.util.Optional;

/** An application's ingest id, keys and DSNs, for any of its members. */
public class GetIngestSetupService implements GetIngestSetup {
    private final OwnerCheck owners;
    private final IngestIds ingestIds;
    private final IngestKeys keys;
    private final IngestBaseUrl baseUrl;

    public GetIngestSetupService(Applications applications, Memberships memberships, IngestIds ingestIds,
            IngestKeys keys, IngestBaseUrl baseUrl) {
        this.owners = new OwnerCheck(applications, memberships);
        this.ingestIds = ingestIds;
        this.keys = keys;
        this.baseUrl = baseUrl;
    }

    @Override
    public Outcome getIngestSetup(Command command) {
        if (!owners.permitted(command.requester(), REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        Optional<Application> application = owners.visible(command.requester(), command.application());
        Optional<IngestId> ingestId = application.flatMap(a -> ingestIds.ingestIdOf(a.id()));
        if (ingestId.isEmpty()) {
            return new Outcome.ApplicationNotFound(command.application());
        }
        var listed = keys.listByApplication(application.get().id()).stream()
                .map(key -> new KeyDsn(key, new Dsn(baseUrl, key.key(), ingestId.get()))).toList();
        return new Outcome.Found(new IngestSetup(application.get(), ingestId.get(), baseUrl, listed,
                owners.owns(command.requester(), application.get())));
    }
}
