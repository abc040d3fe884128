/**
 * Use cases of the access context: the OAuth 2.1 authorization server's behaviour, independent of HTTP and
 * storage. Each {@code *Service} implements one inbound port; wire them with the outbound ports, an
 * {@link dev.faultline.application.access.AccessPolicy} and a {@link java.time.Clock}.
 *
 * <p>Expired codes are kept for {@code endedGrantRetention} after they expire so that a late replay is still
 * recognised as a replay (and revokes the chain) rather than as an unknown code.
 */
package dev.faultline.application.access;
