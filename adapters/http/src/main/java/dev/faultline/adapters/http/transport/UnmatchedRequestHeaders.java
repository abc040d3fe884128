package dev.faultline.adapters.http.transport;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the framework gives when no resource method took the request (404 for an unknown path, 405 for a wrong
 * method, 406, 415) belong to no surface, so no surface's filters decorate them. Any of them may be a page path
 * (a mistyped {@code /settings/...} link), so they get the strictest headers a page gets: nothing may be framed,
 * loaded, sniffed, cached or referred. None of this can hurt a JSON client.
 *
 * <p>Which method matched is read from the request's own routing context (Jersey's {@code UriInfo} is also its
 * {@link ResourceInfo}), not from an injected {@code @Context ResourceInfo}: that is a proxy looked up through the
 * injection manager on every call, a tenth of the CPU of a static request in the profile.
 */
@Provider
public final class UnmatchedRequestHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo() instanceof ResourceInfo matched && matched.getResourceMethod() != null) {
            return;
        }
        ProtectiveHeaders.addTo(response.getHeaders(), ProtectiveHeaders.NO_PAGE_POLICY);
    }
}
