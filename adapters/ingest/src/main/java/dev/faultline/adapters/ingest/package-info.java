/**
 * Crash intake from unmodified Sentry SDKs. Its own surface with its own security posture (a public per-
 * application key, any origin, compressed bodies); it never shares filters with {@code /mcp} or the pages.
 * {@link dev.faultline.adapters.ingest.EventReader} turns an event item into the strict intake model, cleaning
 * and trimming instead of refusing, and says what it changed in a {@link
 * dev.faultline.adapters.ingest.Normalisation}.
 */
package dev.faultline.adapters.ingest;
