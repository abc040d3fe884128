/**
 * PostgreSQL account repositories: {@code users} (migration V1) and {@code sign_in_failures} (V3.1) and
 * {@code sign_in_failures_by_address} (V7). Uniqueness
 * races are settled by constraints ({@code INSERT ... ON CONFLICT DO NOTHING}); a streak update is a row lock
 * held for one read-modify-write, joining the caller's unit of work if there is one.
 */
package dev.faultline.adapters.postgres.account;
