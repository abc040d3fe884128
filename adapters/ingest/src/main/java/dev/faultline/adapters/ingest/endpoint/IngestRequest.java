package dev.faultline.adapters.ingest.endpoint;

import java.io.InputStream;
import java.util.Objects;

/**
 * One ingest request as the HTTP layer hands it over: the route, the raw (still URL-encoded) query string, the
 * {@code X-Sentry-Auth} and {@code Content-Encoding} headers ({@code null} when absent) and the body as it
 * arrives. {@code Content-Type} is deliberately not here: any or none is accepted.
 */
public record IngestRequest(IngestRoute route, String rawQuery, String xSentryAuth, String contentEncoding,
        InputStream body) {
    public IngestRequest {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(body, "body");
    }
}
