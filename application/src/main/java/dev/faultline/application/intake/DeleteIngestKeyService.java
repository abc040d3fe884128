package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.DeleteIngestKey;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;

/** Deletes one of an owner's keys. */
public class DeleteIngestKeyService implements DeleteIngestKey {
    private final OwnerCheck owners;
    private final OwnedKeyLookup lookup;
    private final IngestKeys keys;
    private final Transactions transactions;

    public DeleteIngestKeyService(Applications applications, Memberships memberships, IngestKeys keys,
            Transactions transactions) {
        this.owners = new OwnerCheck(applications, memberships);
        this.lookup = new OwnedKeyLookup(owners, keys);
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public Outcome deleteIngestKey(Command command) {
        if (!owners.permitted(command.requester(), REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> lookup.find(command.requester(), command.application(),
                command.keyId()).fold(
                key -> keys.delete(key.id()) ? new Outcome.Deleted(key.id()) : new Outcome.KeyNotFound(key.id()),
                () -> new Outcome.ApplicationNotFound(command.application()),
                () -> new Outcome.NotAnOwner(command.application()),
                () -> new Outcome.KeyNotFound(command.keyId())));
    }
}
