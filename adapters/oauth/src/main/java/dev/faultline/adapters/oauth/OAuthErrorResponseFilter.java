package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.transport.MatchedResource;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps errors on the OAuth endpoints in the RFC shape {@code {"error","error_description"}}, also when they
 * come from the framework rather than a resource (405 for a wrong method, 406, an unexpected 500 mapped by
 * Dropwizard's {@code LoggingExceptionMapper}), which would otherwise answer {@code {"code","message"}}.
 *
 * <p>Scoped by the resources' {@link OAuthEndpoint} mark ({@link MatchedResource}, which reaches a 405 too): every
 * other resource (pages, MCP) keeps the application's own error handling. It rewrites
 * only error responses whose entity is not already one of ours (the resources write their JSON as a String),
 * so it runs after whatever exception mapper produced the response and replaces no mapper.
 */
@Provider
@Priority(Priorities.USER)
public class OAuthErrorResponseFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.getEntity() instanceof String
                || !MatchedResource.carries(request.getUriInfo(), OAuthEndpoint.class)) {
            return;
        }
        boolean serverError = response.getStatus() >= 500;
        String description = response.getEntity() instanceof ErrorMessage message && message.getMessage() != null
                ? message.getMessage()
                : Response.Status.fromStatusCode(response.getStatus()) != null
                        ? Response.Status.fromStatusCode(response.getStatus()).getReasonPhrase()
                        : "request refused";
        String body = OAuthResponses.write(
                OAuthResponses.error(serverError ? "server_error" : "invalid_request", description));
        response.setEntity(body, null, OAuthResponses.JSON);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, OAuthResponses.JSON);
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("Pragma", "no-cache");
    }

}
