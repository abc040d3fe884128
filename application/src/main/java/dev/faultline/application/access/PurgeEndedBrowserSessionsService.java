package dev.faultline.application.access;

import dev.faultline.application.access.port.in.PurgeEndedBrowserSessions;
import dev.faultline.application.access.port.out.BrowserSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Batches keep each delete short, so a purge never holds many rows locked while the product runs. */
public class PurgeEndedBrowserSessionsService implements PurgeEndedBrowserSessions {
    private final BrowserSessions sessions;
    private final Clock clock;

    public PurgeEndedBrowserSessionsService(BrowserSessions sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public long purgeEndedBrowserSessions(Duration retention, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        Instant cutoff = clock.instant().minus(retention);
        long total = 0;
        int deleted;
        do {
            deleted = sessions.purgeEndedBefore(cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
