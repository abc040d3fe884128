/**
 * PostgreSQL intake repositories over migration V10: {@code applications.ingest_id} (an identity column, so the
 * database numbers every application, old and new) and {@code ingest_keys}. A key's uniqueness race ends in
 * {@code ON CONFLICT DO NOTHING} and a "taken" answer. Orders match the in-memory adapter exactly.
 */
package dev.faultline.adapters.postgres.intake;
