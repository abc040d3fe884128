/**
 * The storage backend as one choice: {@link dev.faultline.application.storage.Storage} yields every outbound
 * storage port of every context, so the composition root picks PostgreSQL or memory in one place.
 */
package dev.faultline.application.storage;
