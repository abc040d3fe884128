/**
 * In-memory tracker repositories. Each is thread-safe on its own; {@code lock...} reads rely on
 * {@link dev.faultline.adapters.inmemory.InMemoryTransactions} serialising units of work, which is what makes
 * a read-change-update of an issue atomic here.
 */
package dev.faultline.adapters.inmemory.tracker;
