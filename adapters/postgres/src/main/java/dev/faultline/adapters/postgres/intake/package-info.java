/**
 * PostgreSQL adapters of the intake context: ingest ids and keys (migration V10: {@code applications.ingest_id}, an
 * identity column, so the database numbers every application, old and new, and {@code ingest_keys}; a key's
 * uniqueness race ends in {@code ON CONFLICT DO NOTHING} and a "taken" answer), and ingested documents (jsonb),
 * grouping explanations and retention (V11). Orders match the in-memory adapter exactly.
 */
package dev.faultline.adapters.postgres.intake;
