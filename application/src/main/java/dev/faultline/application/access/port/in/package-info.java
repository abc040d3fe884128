/**
 * Inbound ports of the access context: one interface per user intent, named as that intent; results are
 * explicit outcomes. No raw secret is ever part of a result except the one a creation hands out once (and its
 * {@code toString} redacts it).
 *
 * <p>The OAuth ports ({@code BeginAuthorization}, {@code ExchangeAuthorizationCode}, {@code RefreshTokens},
 * {@code RevokeToken}) take raw protocol parameters (absent = {@code null}) because which protocol error a
 * missing or malformed parameter becomes is itself a rule of the use case; every expected failure comes back
 * as an outcome with the RFC error code and a precise description, never as an exception.
 */
package dev.faultline.application.access.port.in;
