package dev.faultline.application.intake.port.in;

import dev.faultline.domain.intake.RetentionLimits;

/**
 * Applies event retention, in batches: deletes the events beyond an application's cap or older than the maximum
 * age, never an issue's first, latest or turning-point events. Issue counters are unchanged.
 */
public interface PurgeExpendableEvents {
    /** Returns how many events were deleted. */
    long purgeExpendableEvents(RetentionLimits limits, int batchSize);
}
