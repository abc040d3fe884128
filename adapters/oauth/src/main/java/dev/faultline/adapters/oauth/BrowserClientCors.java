package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.transport.MatchedResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS for the endpoints a browser-based MCP client (MCP Inspector, a web IDE) calls with {@code fetch}:
 * registration, token and revocation. Open to every origin and never with credentials: these endpoints
 * authenticate the client by what the request carries (code and PKCE verifier, refresh token, client secret),
 * never by a cookie, so a foreign page gains nothing it could not send without a browser. Errors are readable too
 * ({@code invalid_grant} must reach the client), and so is the {@code WWW-Authenticate} challenge. It binds by the
 * resources' {@link OpenToBrowsers} mark, so it reaches Jersey's automatic {@code OPTIONS} answer and a 405 too.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class BrowserClientCors implements ContainerResponseFilter {
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, MCP-Protocol-Version";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!MatchedResource.carries(request.getUriInfo(), OpenToBrowsers.class)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", "*");
        headers.putSingle("Access-Control-Expose-Headers", "WWW-Authenticate");
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            headers.putSingle("Access-Control-Allow-Methods", "POST, OPTIONS");
            headers.putSingle("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            headers.putSingle("Access-Control-Max-Age", "600");
        }
    }
}
