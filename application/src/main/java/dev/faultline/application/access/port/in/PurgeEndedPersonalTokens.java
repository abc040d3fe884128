package dev.faultline.application.access.port.in;

import java.time.Duration;

/** Deletes personal tokens revoked or expired longer than {@code retention} ago, in batches. */
public interface PurgeEndedPersonalTokens {
    /** Returns how many tokens were deleted. */
    long purgeEndedPersonalTokens(Duration retention, int batchSize);
}
