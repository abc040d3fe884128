package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.SetIngestKeyEnabled;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.intake.IngestKey;

/** Disables or enables one of an owner's keys. */
public class SetIngestKeyEnabledService implements SetIngestKeyEnabled {
    private final OwnerCheck owners;
    private final OwnedKeyLookup lookup;
    private final IngestKeys keys;
    private final Transactions transactions;

    public SetIngestKeyEnabledService(Applications applications, Memberships memberships, IngestKeys keys,
            Transactions transactions) {
        this.owners = new OwnerCheck(applications, memberships);
        this.lookup = new OwnedKeyLookup(owners, keys);
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public Outcome setIngestKeyEnabled(Command command) {
        if (!owners.permitted(command.requester(), REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> lookup.find(command.requester(), command.application(),
                command.keyId()).fold(
                key -> {
                    IngestKey changed = command.enabled() ? key.enabledAgain() : key.disabled();
                    return keys.updateEnabled(changed.id(), changed.enabled())
                            ? new Outcome.Changed(changed) : new Outcome.KeyNotFound(command.keyId());
                },
                () -> new Outcome.ApplicationNotFound(command.application()),
                () -> new Outcome.NotAnOwner(command.application()),
                () -> new Outcome.KeyNotFound(command.keyId())));
    }
}
