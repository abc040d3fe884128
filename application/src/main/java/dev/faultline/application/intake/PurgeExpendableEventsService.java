package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.PurgeExpendableEvents;
import dev.faultline.application.intake.port.out.EventRetention;
import dev.faultline.application.shared.Batches;
import dev.faultline.domain.intake.RetentionLimits;
import java.time.Clock;
import java.time.Instant;

/** One moment for the whole purge, so every batch judges age against the same cut-off. */
public class PurgeExpendableEventsService implements PurgeExpendableEvents {
    private final EventRetention retention;
    private final Clock clock;

    public PurgeExpendableEventsService(EventRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public long purgeExpendableEvents(RetentionLimits limits, int batchSize) {
        Instant now = clock.instant();
        return Batches.drain(batchSize, limit -> retention.deleteExpendable(limits, now, limit));
    }
}
