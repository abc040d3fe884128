/** The PostgreSQL backend as one {@link dev.faultline.application.storage.Storage}. */
package dev.faultline.adapters.postgres.storage;
