package dev.faultline.adapters.http.transport;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request refused before its body was read (415 for a wrong Content-Type, 429, a framework 405 or 415) leaves
 * bytes on the connection; Jetty then closes it, and a keep-alive client that already reuses it fails its next
 * request with an empty response. So every error response first reads what is left of the body, up to
 * {@link #DRAIN_LIMIT} bytes; a body larger than that is not worth reading, and the response says
 * {@code Connection: close} so the client opens a new connection instead of reusing a doomed one.
 *
 * <p>A body that declares more than the limit is not read at all: waiting for bytes the server will discard would
 * hold a thread for as long as the client cares to trickle them. And this filter never fails a response: a body
 * the resource already read (a form parameter, say) is simply left alone.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public final class UnreadRequestBodies implements ContainerResponseFilter {
    static final int DRAIN_LIMIT = 1024 * 1024 + 1;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400) {
            return;
        }
        if (RequestBody.declaredLengthExceeds(request.getHeaderString(HttpHeaders.CONTENT_LENGTH), DRAIN_LIMIT)) {
            closeAfter(response);
            return;
        }
        try {
            InputStream body = request.getEntityStream();
            if (body == null || drained(body)) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            // Already read and closed by the resource, or the client went away: nothing to keep clean.
            return;
        }
        closeAfter(response);
    }

    private static void closeAfter(ContainerResponseContext response) {
        response.getHeaders().putSingle("Connection", "close");
    }

    /** Whether the body ended within the limit. */
    private static boolean drained(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = body.read(buffer)) != -1) {
            total += read;
            if (total > DRAIN_LIMIT) {
                return false;
            }
        }
        return true;
    }
}
