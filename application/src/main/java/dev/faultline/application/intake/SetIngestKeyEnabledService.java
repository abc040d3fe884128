package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.SetIngestKeyEnabled;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.tracker.Application;
import java.util.Optional;

/** Disables or enables one of an owner's keys. */
public class SetIngestKeyEnabledService implements SetIngestKeyEnabled {
    private final OwnerCheck owners;
    private final IngestKeys keys;
    private final Transactions transactions;

    public SetIngestKeyEnabledService(Applications applications, Memberships memberships, IngestKeys keys,
            Transactions transactions) {
        this.owners = new OwnerCheck(applications, memberships);
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public Outcome setIngestKeyEnabled(Command command) {
        if (!owners.permitted(command.requester(), REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> {
            Optional<Application> application = owners.visible(command.requester(), command.application());
            if (application.isEmpty()) {
                return new Outcome.ApplicationNotFound(command.application());
            }
            if (!owners.owns(command.requester(), application.get())) {
                return new Outcome.NotAnOwner(command.application());
            }
            Optional<IngestKey> key = keys.findById(command.keyId())
                    .filter(k -> k.applicationId().equals(application.get().id()));
            if (key.isEmpty()) {
                return new Outcome.KeyNotFound(command.keyId());
            }
            IngestKey changed = command.enabled() ? key.get().enabledAgain() : key.get().disabled();
            if (!keys.updateEnabled(changed.id(), changed.enabled())) {
                return new Outcome.KeyNotFound(command.keyId());
            }
            return new Outcome.Changed(changed);
        });
    }
}
