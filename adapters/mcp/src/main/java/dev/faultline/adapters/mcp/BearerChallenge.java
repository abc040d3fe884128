package dev.faultline.adapters.mcp;

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
    private final String integrationsUrl;

    public BearerChallenge(String issuer) {
        this.resourceMetadataUrl = issuer + "/.well-known/oauth-protected-resource/mcp";
        this.integrationsUrl = issuer + "/settings/integrations";
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

    /**
     * The token is fine but lacks the scope the call needs: every scope the call needs, in one challenge. An OAuth
     * caller is pointed at the metadata to authorize again (step-up); a personal token cannot be widened, so its
     * challenge names no {@code resource_metadata} (a client would start a sign-in that cannot help) and says
     * where to create a token that can.
     */
    Response insufficientScope(McpReply.InsufficientScope refused) {
        if (refused.canStepUp()) {
            return challenge(403, "Bearer error=\"insufficient_scope\", scope=\"" + ALL_SCOPES
                    + "\", resource_metadata=\"" + resourceMetadataUrl + "\"", "the tool " + refused.tool()
                    + " needs the mcp:write scope; authorize again with it");
        }
        String message = "the tool " + refused.tool() + " needs the mcp:write permission, and a personal access "
                + "token cannot step up: create one with write permission on My Integrations: " + integrationsUrl
                + " and use it instead";
        return challenge(403, "Bearer error=\"insufficient_scope\", scope=\"" + ALL_SCOPES
                + "\", error_description=\"" + quoted(message) + "\"", message);
    }

    /**
     * A token in the personal-token URL form ({@code /mcp/{token}}) was refused. No sign-in can repair that URL
     * (the token in the path is what the client sends, whatever it authorizes), so this is {@code 403} with no
     * {@code WWW-Authenticate} at all: a {@code 401}, even without {@code resource_metadata}, makes OAuth
     * clients discover the metadata anyway and start a sign-in that leaves an unusable grant behind. The token
     * is never echoed; {@code reason} comes from {@link dev.faultline.application.access.port.in.AuthenticateBearer}
     * and never contains it.
     */
    public Response refusedInUrl(String reason) {
        return Response.status(403)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_token", "error_description", reason
                        + "; create a new personal token on My Integrations: " + integrationsUrl))
                .build();
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
