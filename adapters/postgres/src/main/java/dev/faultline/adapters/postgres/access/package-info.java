/** PostgreSQL repositories of the access context. */
package dev.faultline.adapters.postgres.access;
