package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.CreateIngestKey;
import dev.faultline.application.intake.port.out.IngestIds;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.intake.Dsn;
import dev.faultline.domain.intake.IngestBaseUrl;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.tracker.Application;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates a key for an owner, up to the configured number of keys per application (counted in the unit of work
 * that adds the key; two owners adding the last place at the same instant may both succeed).
 */
public class CreateIngestKeyService implements CreateIngestKey {
    private final OwnerCheck owners;
    private final IngestIds ingestIds;
    private final IngestKeys keys;
    private final IngestBaseUrl baseUrl;
    private final int maxKeysPerApplication;
    private final Transactions transactions;
    private final Clock clock;

    public CreateIngestKeyService(Applications applications, Memberships memberships, IngestIds ingestIds,
            IngestKeys keys, IngestBaseUrl baseUrl, int maxKeysPerApplication, Transactions transactions,
            Clock clock) {
        if (maxKeysPerApplication < 1) {
            throw new IllegalArgumentException("an application may have at least one key");
        }
        this.owners = new OwnerCheck(applications, memberships);
        this.ingestIds = ingestIds;
        this.keys = keys;
        this.baseUrl = baseUrl;
        this.maxKeysPerApplication = maxKeysPerApplication;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome createIngestKey(Command command) {
        if (!owners.permitted(command.requester(), REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> {
            Optional<Application> application = owners.visible(command.requester(), command.application());
            Optional<IngestId> ingestId = application.flatMap(a -> ingestIds.ingestIdOf(a.id()));
            if (ingestId.isEmpty()) {
                return new Outcome.ApplicationNotFound(command.application());
            }
            if (!owners.owns(command.requester(), application.get())) {
                return new Outcome.NotAnOwner(command.application());
            }
            if (keys.countByApplication(application.get().id()) >= maxKeysPerApplication) {
                return new Outcome.TooManyKeys(command.application(), maxKeysPerApplication);
            }
            IngestKey key = IngestKey.create(application.get().id(), command.label(), command.eventsPerMinute(),
                    clock.instant());
            if (keys.add(key) == IngestKeys.Insertion.KEY_TAKEN) {
                throw new IllegalStateException("a fresh random ingest key collided with a stored one");
            }
            return new Outcome.Created(key, new Dsn(baseUrl, key.key(), ingestId.get()));
        });
    }
}
