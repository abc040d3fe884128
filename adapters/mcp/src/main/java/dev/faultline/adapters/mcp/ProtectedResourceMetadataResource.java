package dev.faultline.adapters.mcp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9728 protected-resource metadata for the MCP resource, at the path-suffixed and the root location. */
@Path("/.well-known/oauth-protected-resource")
@Produces(MediaType.APPLICATION_JSON)
public final class ProtectedResourceMetadataResource {
    private final Map<String, Object> ordered;

    public ProtectedResourceMetadataResource(String issuer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", issuer + "/mcp");
        document.put("authorization_servers", List.of(issuer));
        document.put("scopes_supported", List.of("mcp:read", "mcp:write"));
        document.put("bearer_methods_supported", List.of("header"));
        document.put("resource_name", "Faultline");
        document.put("resource_documentation", issuer + "/");
        this.ordered = java.util.Collections.unmodifiableMap(document);
    }

    @GET
    public Response root() {
        return document();
    }

    @GET
    @Path("mcp")
    public Response forMcp() {
        return document();
    }

    @OPTIONS
    public Response rootPreflight() {
        return preflight();
    }

    @OPTIONS
    @Path("mcp")
    public Response mcpPreflight() {
        return preflight();
    }

    private Response document() {
        return Response.ok(ordered)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    private static Response preflight() {
        return Response.noContent()
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, OPTIONS")
                .header("Access-Control-Allow-Headers", "MCP-Protocol-Version")
                .header("Access-Control-Max-Age", "600")
                .build();
    }
}
