/** In-memory adapters of the intake context's outbound ports: the same contracts as the PostgreSQL ones, for tests. */
package dev.faultline.adapters.inmemory.intake;
