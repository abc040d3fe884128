/**
 * PostgreSQL repositories of the access context. Every race is settled by one SQL statement (conditional
 * updates, data-modifying CTEs) or by a constraint, so each promise of the ports holds with or without a
 * surrounding unit of work, and across any number of application instances.
 */
package dev.faultline.adapters.postgres.access;
