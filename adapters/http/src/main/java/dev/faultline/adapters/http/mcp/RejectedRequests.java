package dev.faultline.adapters.http.mcp;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Rejects a request from a filter, after reading (and dropping) what is left of its bounded body: a request
 * whose body is left unread makes Jetty close the connection after the response, and a keep-alive client that
 * reuses it then fails on its next request.
 */
final class RejectedRequests {
    private RejectedRequests() {
    }

    static WebApplicationException reject(ContainerRequestContext request, Response response) {
        if (request.hasEntity()) {
            try (InputStream body = request.getEntityStream()) {
                body.readNBytes(McpResource.MAX_BODY_BYTES);
            } catch (IOException e) {
                // the connection is going away anyway; the response still says why
            }
        }
        return new WebApplicationException(response);
    }
}
