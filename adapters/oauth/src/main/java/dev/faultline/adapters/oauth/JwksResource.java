package dev.faultline.adapters.oauth;

import dev.faultline.application.access.port.in.PublishSigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * The JWK Set ({@code jwks_uri}): the public keys access tokens are signed with, old keys included until their
 * tokens expire. Read on every request, so a key rotation shows up at once (clients may cache for 5 minutes).
 */
@Path(JwksResource.PATH)
@OAuthEndpoint
public class JwksResource {
    public static final String PATH = "/mcp/oauth/jwks";
    /** RFC 7517 §8.5. */
    static final MediaType JWK_SET = new MediaType("application", "jwk-set+json");

    private final PublishSigningKeys publishSigningKeys;

    public JwksResource(PublishSigningKeys publishSigningKeys) {
        this.publishSigningKeys = Objects.requireNonNull(publishSigningKeys);
    }

    @GET
    public Response jwks() {
        return PublicDocument.ok(OAuthResponses.write(publishSigningKeys.jwks()), JWK_SET);
    }

    @OPTIONS
    public Response preflight() {
        return PublicDocument.preflight();
    }
}
