/**
 * In-memory repositories of the access context. Each guards its state with its own {@link dev.faultline.adapters.inmemory.TableLock}, which makes the
 * compare-and-set operations ({@code rotate}, {@code markRedeemed}, revocations) atomic as the ports promise.
 */
package dev.faultline.adapters.inmemory.access;
