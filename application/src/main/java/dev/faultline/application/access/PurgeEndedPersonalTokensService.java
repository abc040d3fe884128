package dev.faultline.application.access;

import dev.faultline.application.access.port.in.PurgeEndedPersonalTokens;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.shared.Batches;
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
        Instant cutoff = clock.instant().minus(retention);
        return Batches.drain(batchSize, limit -> tokens.purgeEndedBefore(cutoff, limit));
    }
}
