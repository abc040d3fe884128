package dev.faultline.application.access.port.in;

import java.time.Duration;

/** Deletes browser sessions that were revoked or timed out longer than {@code retention} ago, in batches. */
public interface PurgeEndedBrowserSessions {
    /** Returns how many sessions were deleted. */
    long purgeEndedBrowserSessions(Duration retention, int batchSize);
}
