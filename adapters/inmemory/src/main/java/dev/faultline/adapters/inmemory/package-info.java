/**
 * In-memory implementations of every repository port: the same contracts as PostgreSQL (the shared contract
 * suites prove it), for fast use-case tests and {@code --ephemeral} runs. Each repository is thread-safe.
 */
package dev.faultline.adapters.inmemory;
