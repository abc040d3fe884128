/**
 * In-memory repositories of the access context. Each guards its state with its own monitor, which makes the
 * compare-and-set operations ({@code rotate}, {@code markRedeemed}, revocations) atomic as the ports promise.
 */
package dev.faultline.adapters.inmemory.access;
