package dev.faultline.adapters.pages;

import dev.faultline.application.access.AccessPolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;

/** The root URL, where signing in without a destination lands: My Integrations (which asks to sign in first). */
@Path("/")
@PageResponse
public class HomeResource {
    private final AccessPolicy policy;

    public HomeResource(AccessPolicy policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(policy.issuer() + IntegrationsResource.PAGE)).build();
    }
}
