/**
 * Outbound ports of the access context. Repositories are collection-like (a plural noun per aggregate) and
 * offer atomic operations where two requests may race:
 * <ul>
 *   <li>{@link dev.faultline.application.access.port.out.TokenChains#rotate} is a compare-and-set on the
 *       chain's current refresh hash (and its not-revoked state): of two concurrent rotations from the same
 *       state exactly one wins, with or without a surrounding transaction;</li>
 *   <li>{@link dev.faultline.application.access.port.out.AuthorizationCodes#markRedeemed} is a compare-and-set
 *       on "not redeemed yet";</li>
 *   <li>revocation is terminal and idempotent: the first reason and time stay;</li>
 *   <li>activity recording ({@code PersonalTokens.recordUse}, {@code BrowserSessions.touch}) is a conditional
 *       update that writes at most once per interval however many requests race;</li>
 *   <li>purges delete in bounded batches, are idempotent, and are safe to run while requests are served.</li>
 * </ul>
 * Repositories join a surrounding {@link dev.faultline.application.shared.Transactions} unit of work when
 * there is one. Only hashes of secrets are ever passed in or stored. Every repository port has a contract test
 * suite in this module's test jar ({@code ...port.out.*Contract}) that every adapter must pass.
 */
package dev.faultline.application.access.port.out;
