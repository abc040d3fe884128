package dev.faultline.application.intake.port.out;

import dev.faultline.domain.intake.RetentionLimits;
import java.time.Instant;

/**
 * Deletes events (tracker events and their ingested documents) that retention no longer keeps. The rule, which
 * every adapter must apply exactly:
 * <ul>
 *   <li>protected, never deleted: each issue's first and latest event (by occurred-at, then id) and every event an
 *       issue activity names (the event that opened, regressed or unmuted it: its turning points);</li>
 *   <li>too old: an unprotected event that occurred before {@code now - maxAge};</li>
 *   <li>over the cap: where an application holds more than {@code maxEventsPerApplication} events (protected ones
 *       count), its oldest unprotected events (occurred-at, then id) beyond the excess.</li>
 * </ul>
 * Issues and their counters stay: they count what happened, not what is kept.
 */
public interface EventRetention {
    /** Deletes at most {@code limit} expendable events; returns how many it deleted. */
    int deleteExpendable(RetentionLimits limits, Instant now, int limit);
}
