/**
 * Intake: crash reports as Sentry SDKs send them, and how they are grouped into issues. The model is strict
 * (every value within its limits, no NUL or stray control characters); the ingest adapter cleans and trims
 * real payloads into it and reports what it changed. Grouping is a versioned policy ({@link
 * dev.faultline.domain.intake.GroupingPolicy}) whose canonical text explains why events are one issue.
 */
package dev.faultline.domain.intake;
