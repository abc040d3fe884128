package dev.faultline.adapters.mcp;

import dev.faultline.adapters.http.transport.MatchedResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * CORS for the MCP endpoint ({@code /mcp}, {@code /mcp/<token>}), so a browser-based MCP client on an allowed
 * origin can use what it obtained through OAuth. Every answer to an allowed {@code Origin} — the preflight, results,
 * and errors alike (401 with its {@code WWW-Authenticate}, 403, 4xx JSON) — echoes that origin, says
 * {@code Vary: Origin} and exposes the headers a client must read. Any other origin gets no CORS header (the
 * {@link McpRequestGuard} has already answered it 403). Credentials are never allowed: the endpoint authenticates
 * by bearer token, never by cookie.
 *
 * <p>The preflight ({@code OPTIONS}) is answered here too, {@code 204} without a body, on both paths and whatever
 * the origin (after the guard, which runs first): Jersey's automatic {@code OPTIONS} answer would list methods the
 * endpoint refuses ({@code GET}, {@code DELETE}) in a text body.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class McpBrowserCors implements ContainerRequestFilter, ContainerResponseFilter {
    static final String ALLOWED_METHODS = "POST";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, MCP-Protocol-Version, Mcp-Method,"
            + " Mcp-Name, Mcp-Session-Id, Last-Event-ID";
    static final String EXPOSED_HEADERS = "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version, Retry-After";
    static final String MAX_AGE_SECONDS = "600";

    private final McpAllowedOrigins allowedOrigins;

    public McpBrowserCors(McpAllowedOrigins allowedOrigins) {
        this.allowedOrigins = Objects.requireNonNull(allowedOrigins);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())
                && MatchedResource.carries(request.getUriInfo(), McpEndpoint.class)) {
            request.abortWith(Response.noContent().build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!MatchedResource.carries(request.getUriInfo(), McpEndpoint.class)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.keySet().removeIf(name -> name.regionMatches(true, 0, "Access-Control-", 0, 15));
        String vary = response.getHeaderString("Vary");
        if (vary == null || vary.isBlank()) {
            headers.putSingle("Vary", "Origin");
        } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("origin")) {
            headers.putSingle("Vary", vary + ", Origin");
        }
        String origin = request.getHeaderString("Origin");
        if (!allowedOrigins.allows(origin)) {
            return;
        }
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            headers.putSingle("Access-Control-Allow-Methods", ALLOWED_METHODS);
            headers.putSingle("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            headers.putSingle("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
    }
}
