/** In-memory intake repositories: the same contracts as the PostgreSQL ones, for tests. */
package dev.faultline.adapters.inmemory.intake;
