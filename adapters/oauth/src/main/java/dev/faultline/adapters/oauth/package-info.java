/**
 * The machine-facing endpoints of the OAuth 2.1 authorization server: RFC 8414 metadata, the JWK Set, Dynamic
 * Client Registration (RFC 7591), the token endpoint (RFC 6749 §3.2) and revocation (RFC 7009).
 *
 * <p>Resources only translate: they read the request (bodies are read and parsed here, never by a generic
 * Jersey reader, so every malformed input gets an RFC-style JSON error with a precise description), build the
 * use case's command, and map its outcome to the RFC response. No rule is decided here. Nothing secret (client
 * secrets, codes, verifiers, tokens) is ever logged or echoed in an error.
 */
package dev.faultline.adapters.oauth;
