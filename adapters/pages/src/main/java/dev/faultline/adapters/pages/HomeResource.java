package dev.faultline.adapters.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;

/** The root URL, where signing in without a destination lands: My Integrations (which asks to sign in first). */
@Path("/")
@PageResponse
public class HomeResource {
    private final String issuer;

    public HomeResource(String issuer) {
        this.issuer = Objects.requireNonNull(issuer);
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(issuer + IntegrationsResource.PAGE)).build();
    }
}
