package dev.faultline.adapters.http.mcp;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The RFC 6750 / RFC 9728 challenges the MCP resource answers with: 401 points clients at the protected-resource
 * metadata so they can discover the authorization server; 403 {@code insufficient_scope} asks for a step-up.
 */
public final class BearerChallenge {
    public static final String READ_SCOPE = "mcp:read";
    public static final String ALL_SCOPES = "mcp:read mcp:write";

    private final String resourceMetadataUrl;

    public BearerChallenge(String issuer) {
        this.resourceMetadataUrl = issuer + "/.well-known/oauth-protected-resource/mcp";
    }

    /** No token was presented. */
    public Response missingToken() {
        return challenge(401, "Bearer resource_metadata=\"" + resourceMetadataUrl + "\", scope=\"" + READ_SCOPE + "\"",
                "authentication required: send Authorization: Bearer <token>");
    }

    /** A token was presented but is not acceptable (invalid, expired, revoked, for another audience). */
    public Response invalidToken(String reason) {
        return challenge(401, "Bearer error=\"invalid_token\", error_description=\"" + quoted(reason)
                + "\", resource_metadata=\"" + resourceMetadataUrl + "\", scope=\"" + READ_SCOPE + "\"", reason);
    }

    /** The token is fine but lacks the scope the call needs. */
    public Response insufficientScope(String tool) {
        return challenge(403, "Bearer error=\"insufficient_scope\", scope=\"" + ALL_SCOPES + "\", resource_metadata=\""
                + resourceMetadataUrl + "\"", "the tool " + tool + " needs the mcp:write scope; authorize again with it");
    }

    public String resourceMetadataUrl() {
        return resourceMetadataUrl;
    }

    private static Response challenge(int status, String header, String message) {
        return Response.status(status)
                .header(HttpHeaders.WWW_AUTHENTICATE, header)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", status == 401 ? "unauthorized" : "insufficient_scope", "error_description", message))
                .build();
    }

    private static String quoted(String text) {
        return text.replaceAll("\\p{Cntrl}", " ").replace("\\", "").replace("\"", "'");
    }
}
