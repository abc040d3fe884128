package dev.faultline.adapters.mcp;

import dev.faultline.application.access.port.in.AuthenticateBearer;
import dev.faultline.domain.access.Scope;
import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * dropwizard-auth for the MCP resource. The bearer token comes from the {@code Authorization} header or, for
 * clients that cannot send headers, from the personal-token path form {@code /mcp/{token}} (personal tokens
 * only); never from the query string. Authentication is {@link AuthenticateBearer} (local JWT verification plus a live grant check,
 * or a personal token); authorization maps roles to scopes, so {@code isUserInRole("mcp:write")} asks whether
 * the token carries {@code mcp:write}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class McpBearerAuthFilter extends AuthFilter<String, McpPrincipal> {
    static final String PATH_TOKEN = "token";
    private final AuthenticateBearer authenticateBearer;
    private final BearerChallenge challenge;
    /** The caller this thread just authenticated, handed to dropwizard-auth without asking twice. */
    private final ThreadLocal<McpPrincipal> justAuthenticated = new ThreadLocal<>();

    public McpBearerAuthFilter(AuthenticateBearer authenticateBearer, BearerChallenge challenge) {
        this.authenticateBearer = authenticateBearer;
        this.challenge = challenge;
        this.prefix = "Bearer";
        this.realm = "faultline";
        this.authenticator = token -> Optional.ofNullable(justAuthenticated.get());
        this.authorizer = (principal, role, request) ->
                Scope.fromWireName(role).map(scope -> principal.caller().may(scope)).orElse(false);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey("access_token")) {
            throw new WebApplicationException(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "invalid_request", "error_description",
                            "tokens in the query string are refused; use the Authorization header"))
                    .build());
        }
        Optional<String> inPath = pathToken(request);
        Optional<String> token = inPath.or(() -> headerToken(request));
        if (token.isEmpty()) {
            throw new WebApplicationException(challenge.missingToken());
        }
        AuthenticateBearer.Outcome outcome = inPath.isPresent()
                ? authenticateBearer.authenticateInUrl(token.get())
                : authenticateBearer.authenticate(token.get());
        justAuthenticated.set(outcome.fold(
                authenticated -> new McpPrincipal(authenticated.caller()),
                refused -> {
                    throw new WebApplicationException(inPath.isPresent() ? challenge.refusedInUrl(refused.reason())
                            : challenge.invalidToken(refused.reason()));
                }));
        try {
            authenticate(request, token.get(), "Bearer");
        } finally {
            justAuthenticated.remove();
        }
    }

    private static Optional<String> pathToken(ContainerRequestContext request) {
        return Optional.ofNullable(request.getUriInfo().getPathParameters().getFirst(PATH_TOKEN))
                .filter(token -> !token.isBlank());
    }

    private static Optional<String> headerToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Optional.empty();
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        return Optional.of(header.substring(space + 1).trim()).filter(token -> !token.isEmpty());
    }
}
