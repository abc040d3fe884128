/**
 * In-memory tracker repositories. Each is thread-safe on its own; {@code lock...} reads rely on a
 * unit of work ({@link dev.faultline.adapters.inmemory.InMemoryTransactions}) keeping the repository locked until
 * it ends, which is what makes a read-change-update of an issue atomic here.
 */
package dev.faultline.adapters.inmemory.tracker;
