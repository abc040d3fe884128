/**
 * Access: OAuth clients, authorization codes, token chains and personal tokens. Aggregates take {@code now}
 * as an argument, hold only hashes of secrets, and answer with explicit outcomes.
 */
package dev.faultline.domain.access;
