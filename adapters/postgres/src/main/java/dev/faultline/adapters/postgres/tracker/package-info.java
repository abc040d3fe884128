/**
 * PostgreSQL tracker repositories over the tables of migration V3 ({@code applications}, {@code memberships},
 * {@code issues}, {@code events} + {@code event_frames} + {@code event_tags}, {@code notes}). Uniqueness races
 * end in {@code ON CONFLICT DO NOTHING} and a "taken" answer; {@code lock...} reads are
 * {@code SELECT ... FOR UPDATE} and hold the row until the caller's unit of work
 * ({@link dev.faultline.adapters.postgres.JdbiTransactions}) ends. Orders match the in-memory adapter exactly:
 * {@code uuid} compares as an unsigned 128-bit number and times are stored to the microsecond.
 */
package dev.faultline.adapters.postgres.tracker;
