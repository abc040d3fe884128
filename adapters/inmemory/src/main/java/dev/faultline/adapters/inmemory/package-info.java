/**
 * In-memory implementations of every repository port: the same contracts as PostgreSQL (the shared contract
 * suites prove it), for fast tests; the server always runs on PostgreSQL, so this module is a test dependency
 * only. Each repository is thread-safe; units of work ({@link dev.faultline.adapters.inmemory.InMemoryTransactions})
 * isolate and roll back through each repository's {@link dev.faultline.adapters.inmemory.TableLock}.
 */
package dev.faultline.adapters.inmemory;
