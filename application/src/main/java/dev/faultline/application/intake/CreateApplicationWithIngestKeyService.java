package dev.faultline.application.intake;

import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.domain.intake.IngestKey;
import java.time.Clock;
import java.util.OptionalInt;

/**
 * Creating an application as the intake context sees it: the tracker creates it, and in the same unit of work it
 * gets one enabled key labelled {@value IngestKey#DEFAULT_LABEL}, so its DSN works at once. (The tracker does not
 * know intake, so intake wraps the tracker's use case rather than the other way round.)
 */
public class CreateApplicationWithIngestKeyService implements CreateApplication {
    private final CreateApplication tracker;
    private final IngestKeys keys;
    private final Transactions transactions;
    private final Clock clock;

    public CreateApplicationWithIngestKeyService(CreateApplication tracker, IngestKeys keys,
            Transactions transactions, Clock clock) {
        this.tracker = tracker;
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome createApplication(Command command) {
        return transactions.inTransaction(() -> {
            Outcome outcome = tracker.createApplication(command);
            outcome.fold(refused -> null, created -> {
                IngestKey key = IngestKey.create(created.application().id(), IngestKey.DEFAULT_LABEL,
                        OptionalInt.empty(), clock.instant());
                if (keys.add(key) == IngestKeys.Insertion.KEY_TAKEN) {
                    throw new IllegalStateException("a fresh random ingest key collided with a stored one");
                }
                return null;
            }, taken -> null, unknown -> null);
            return outcome;
        });
    }
}
