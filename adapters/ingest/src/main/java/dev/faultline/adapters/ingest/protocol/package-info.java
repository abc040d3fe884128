/**
 * The Sentry ingestion wire protocol, pure and stream-based: body decoding with limits enforced while streaming
 * ({@link dev.faultline.adapters.ingest.protocol.BodyDecoder}), the three authentication forms and their matching
 * rule ({@link dev.faultline.adapters.ingest.protocol.SentryAuthentication}), envelope framing and the legacy
 * store body ({@link dev.faultline.adapters.ingest.protocol.Submissions}), and the responses SDKs understand
 * ({@link dev.faultline.adapters.ingest.protocol.IngestResponse}). No HTTP framework, no storage: a resource
 * feeds it the request's parts and renders what it returns.
 *
 * <p>Every way a request can be refused is a {@link dev.faultline.adapters.ingest.protocol.Refusal}, carried
 * through streams as {@link dev.faultline.adapters.ingest.protocol.IngestRefused}; nothing else is thrown for bad
 * input. A plain {@link java.io.IOException} that is not an {@code IngestRefused} means the client's connection
 * failed, not that its bytes were wrong.
 */
package dev.faultline.adapters.ingest.protocol;
