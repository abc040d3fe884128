package dev.faultline.adapters.http.transport;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * Headers the framework parses before any resource runs: a {@code Content-Type} or {@code Accept} it cannot parse
 * made Jetty answer with its own HTML error page (no security headers, even on JSON endpoints), and a form whose
 * charset the JVM does not know made the form reader throw (a 500). Such requests are refused here, before
 * matching, with a 400 or 415 that says which header is wrong, in the {@code error}/{@code error_description}
 * shape every JSON endpoint uses.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class MalformedHeaders implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        problem(request).ifPresent(request::abortWith);
    }

    private static Optional<Response> problem(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            MediaType type;
            try {
                type = MediaType.valueOf(contentType);
            } catch (RuntimeException e) {
                return Optional.of(refuse(400, "the Content-Type header is malformed"));
            }
            if (type.getType().isEmpty() || type.getSubtype().isEmpty() || "*".equals(type.getType())) {
                return Optional.of(refuse(400, "the Content-Type header names no media type"));
            }
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !isKnown(charset)) {
                return Optional.of(refuse(415, "the charset of the Content-Type header is not supported; use UTF-8"));
            }
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            return Optional.of(refuse(400, "the Accept header is malformed"));
        }
        return Optional.empty();
    }

    private static boolean isKnown(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response refuse(int status, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_request", "error_description", description))
                .header("Connection", "close")
                .build();
    }
}
