/**
 * Tracker: applications, their members, issues (crash events grouped by fingerprint), events and notes. Issue
 * status changes are methods that take {@code now} and answer with explicit outcomes carrying the changed
 * issue; aggregates are immutable values, so a refused change leaves nothing half-done.
 */
package dev.faultline.domain.tracker;
