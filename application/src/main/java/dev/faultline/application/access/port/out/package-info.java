/**
 * Outbound ports of the access context. Repositories are collection-like (a plural noun per aggregate) and
 * offer atomic operations where two requests may race (for example rotating a refresh token is a
 * compare-and-set on the chain's current refresh hash). Every repository port has a contract test suite in
 * this module's test jar that every adapter must pass.
 */
package dev.faultline.application.access.port.out;
