package dev.faultline.adapters.mcp;

import dev.faultline.adapters.http.transport.MatchedResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DNS-rebinding protection for the MCP endpoint, before authentication: a browser page on another origin must
 * not reach it through a victim's browser. An {@code Origin} header, when present, must be Faultline's own
 * origin or a configured one (403 otherwise). When Faultline's public address is a loopback one, the
 * {@code Host} header must name a loopback host too, which a rebound DNS name never does.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class McpRequestGuard implements ContainerRequestFilter {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private final McpAllowedOrigins allowedOrigins;
    private final boolean loopbackOnly;

    public McpRequestGuard(String issuer, Set<String> extraAllowedOrigins) {
        URI uri = URI.create(issuer);
        this.allowedOrigins = new McpAllowedOrigins(issuer, extraAllowedOrigins);
        this.loopbackOnly = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!MatchedResource.carries(request.getUriInfo(), McpEndpoint.class)) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !allowedOrigins.allows(origin)) {
            throw new WebApplicationException(forbidden("requests from origin " + origin + " are not allowed"));
        }
        if (loopbackOnly && !isLoopbackHost(request.getHeaderString("Host"))) {
            throw new WebApplicationException(forbidden("the Host header does not name this server"));
        }
    }

    private static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, name.indexOf(']') + 1);
        } else if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        return LOOPBACK.contains(name);
    }

    private static Response forbidden(String message) {
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "forbidden", "error_description", message)).build();
    }
}
