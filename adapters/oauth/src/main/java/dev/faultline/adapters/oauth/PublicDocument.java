package dev.faultline.adapters.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Public, unauthenticated JSON documents (metadata, JWKS): readable from any origin (browser-based MCP clients
 * discover the server with fetch) and cacheable for a few minutes.
 */
final class PublicDocument {
    static final String MAX_AGE = "public, max-age=300";

    private PublicDocument() {
    }

    static Response ok(String body) {
        return ok(body, OAuthResponses.JSON);
    }

    static Response ok(String body, MediaType type) {
        return Response.ok(body, type)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", MAX_AGE)
                .build();
    }

    /** A CORS preflight (e.g. a client that sends MCP-Protocol-Version on its discovery request). */
    static Response preflight() {
        return Response.noContent()
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, OPTIONS")
                .header("Access-Control-Allow-Headers", "*")
                .header("Access-Control-Max-Age", "600")
                .build();
    }
}
