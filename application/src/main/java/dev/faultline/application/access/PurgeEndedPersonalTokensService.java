package dev.faultline.application.access;

import dev.faultline.application.access.port.in.PurgeEndedPersonalTokens;
import dev.faultline.application.access.port.out.PersonalTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Batches keep each delete short, so a purge never holds many rows locked while the product runs. */
public class PurgeEndedPersonalTokensService implements PurgeEndedPersonalTokens {
    private final PersonalTokens tokens;
    private final Clock clock;

    public PurgeEndedPersonalTokensService(PersonalTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public long purgeEndedPersonalTokens(Duration retention, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        Instant cutoff = clock.instant().minus(retention);
        long total = 0;
        int deleted;
        do {
            deleted = tokens.purgeEndedBefore(cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
