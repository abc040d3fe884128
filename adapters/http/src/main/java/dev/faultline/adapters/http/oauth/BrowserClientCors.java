package dev.faultline.adapters.http.oauth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * CORS for the endpoints a browser-based MCP client (MCP Inspector, a web IDE) calls with {@code fetch}:
 * registration, token and revocation. Open to every origin and never with credentials: these endpoints
 * authenticate the client by what the request carries (code and PKCE verifier, refresh token, client secret),
 * never by a cookie, so a foreign page gains nothing it could not send without a browser. Errors are readable too
 * ({@code invalid_grant} must reach the client), and so is the {@code WWW-Authenticate} challenge. Preflights are
 * answered on Jersey's automatic {@code OPTIONS} response.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class BrowserClientCors implements ContainerResponseFilter {
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, MCP-Protocol-Version";
    private static final Set<String> PATHS = Set.of(OAuthErrorResponseFilter.strip(ClientRegistrationResource.PATH), OAuthErrorResponseFilter.strip(TokenResource.PATH),
            OAuthErrorResponseFilter.strip(RevocationResource.PATH));

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!PATHS.contains(OAuthErrorResponseFilter.strip(request.getUriInfo().getPath()))) {
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
