/** PostgreSQL adapters of the intake context: ingested documents (jsonb), grouping explanations, retention. */
package dev.faultline.adapters.postgres.intake;
