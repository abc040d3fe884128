package dev.faultline.application.access;

import dev.faultline.application.access.port.in.PurgeEndedBrowserSessions;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.shared.Batches;
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
        Instant cutoff = clock.instant().minus(retention);
        return Batches.drain(batchSize, limit -> sessions.purgeEndedBefore(cutoff, limit));
    }
}
