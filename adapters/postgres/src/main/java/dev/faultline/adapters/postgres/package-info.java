/**
 * PostgreSQL implementations of every repository port, with Jdbi 3 and Flyway. Repositories obtain handles
 * with {@code jdbi.withHandle}, which joins a surrounding {@link dev.faultline.adapters.postgres.JdbiTransactions}
 * unit of work on the same thread. Races are settled in SQL (conditional updates, unique constraints), never
 * by locks held in this process, so several Faultline instances may share one database.
 */
package dev.faultline.adapters.postgres;
