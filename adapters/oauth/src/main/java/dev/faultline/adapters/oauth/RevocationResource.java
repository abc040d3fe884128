package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.transport.FormParameters;
import dev.faultline.application.access.port.in.RevokeToken;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Token revocation (RFC 7009): {@code token} and optional {@code token_type_hint}, with client authentication
 * as at the token endpoint. 200 with an empty body whether or not the token was known (§2.2), so the endpoint
 * reveals nothing about other clients' tokens; only a malformed request or failed client authentication is an
 * error.
 */
@Path(RevocationResource.PATH)
@OAuthEndpoint
@OpenToBrowsers
public class RevocationResource {
    public static final String PATH = "/mcp/oauth/revoke";

    private final RevokeToken revokeToken;
    private final int maxFormBytes;

    public RevocationResource(RevokeToken revokeToken) {
        this(revokeToken, FormRequest.DEFAULT_MAX_BODY_BYTES);
    }

    /** @param maxFormBytes the largest form body read; a larger one is {@code invalid_request} with 413 */
    public RevocationResource(RevokeToken revokeToken, int maxFormBytes) {
        this.revokeToken = Objects.requireNonNull(revokeToken);
        if (maxFormBytes < 1024) {
            throw new IllegalArgumentException("maxFormBytes must be at least 1024, was " + maxFormBytes);
        }
        this.maxFormBytes = maxFormBytes;
    }

    @POST
    public Response revoke(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) throws IOException {
        return FormRequest.read(contentType, contentLength, body, maxFormBytes).fold(
                form -> revoke(form.parameters(), authorization),
                FormRequest.Read.Refused::response);
    }

    private Response revoke(FormParameters form, String authorization) {
        return ClientAuthenticationRequest.read(authorization, form).fold(
                client -> revokeToken.revoke(new RevokeToken.Command(client.credentials(), form.find("token"),
                        form.find("token_type_hint"))).fold(
                                accepted -> OAuthResponses.noStore(Response.ok()).build(),
                                failed -> client.error(failed.error(), failed.description())),
                ClientAuthenticationRequest.Result.Problem::response);
    }
}
