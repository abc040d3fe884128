package dev.faultline.adapters.http.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /mcp} (and the personal-token form {@code POST /mcp/{token}}): MCP Streamable HTTP, stateless
 * (no session id) with JSON responses only. Checks, in order: Content-Type (415), Accept (406),
 * {@code MCP-Protocol-Version} (400), body size (413), then one JSON-RPC message per body — a batch array only
 * under protocol 2025-03-26, which allowed them. {@code GET} and {@code DELETE} answer 405: there is no
 * server-to-client stream and no session to end.
 */
@Path("/mcp")
public final class McpResource {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String VERSION_HEADER = "MCP-Protocol-Version";
    private final McpServer server;
    private final BearerChallenge challenge;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public McpResource(McpServer server, BearerChallenge challenge) {
        this.server = server;
        this.challenge = challenge;
    }

    @POST
    public Response post(@Auth McpPrincipal principal, @Context HttpHeaders headers, InputStream body) {
        return handle(principal, headers, body);
    }

    @POST
    @Path("{token}")
    public Response postWithPathToken(@Auth McpPrincipal principal, @Context HttpHeaders headers, InputStream body) {
        return handle(principal, headers, body);
    }

    @GET
    public Response get() {
        return notAllowed();
    }

    @DELETE
    public Response delete() {
        return notAllowed();
    }

    @GET
    @Path("{token}")
    public Response getWithPathToken() {
        return notAllowed();
    }

    @DELETE
    @Path("{token}")
    public Response deleteWithPathToken() {
        return notAllowed();
    }

    @OPTIONS
    public Response preflight() {
        return Response.noContent()
                .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, MCP-Protocol-Version")
                .header("Access-Control-Expose-Headers", "WWW-Authenticate")
                .header("Access-Control-Max-Age", "600")
                .build();
    }

    private Response handle(McpPrincipal principal, HttpHeaders headers, InputStream body) {
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType()) {
            return problem(415, "send the JSON-RPC message with Content-Type: application/json");
        }
        if (!acceptsJson(headers)) {
            return problem(406, "the Accept header must allow application/json (this server answers JSON, never SSE)");
        }
        String version = headers.getHeaderString(VERSION_HEADER);
        if (version != null && !McpServer.SUPPORTED_VERSIONS.contains(version.trim())) {
            return problem(400, "unsupported MCP-Protocol-Version \"" + version + "\"; supported: "
                    + String.join(", ", McpServer.SUPPORTED_VERSIONS));
        }
        String protocol = version == null ? McpServer.ASSUMED_VERSION : version.trim();
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return problem(400, "the request body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return problem(413, "a message is at most " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode message;
        try {
            message = json.readTree(bytes);
        } catch (IOException e) {
            return json(400, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "the body is not valid JSON"));
        }
        if (message == null || message.isMissingNode()) {
            return json(400, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "the body is empty"));
        }
        if (message.isArray()) {
            return batch((ArrayNode) message, principal, protocol);
        }
        return respond(server.handle(message, principal.caller()));
    }

    private Response batch(ArrayNode messages, McpPrincipal principal, String protocol) {
        if (!McpServer.ASSUMED_VERSION.equals(protocol)) {
            return json(400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST,
                    "send one JSON-RPC message per request; batches ended with protocol 2025-03-26"));
        }
        if (messages.isEmpty()) {
            return json(400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "an empty batch"));
        }
        ArrayNode responses = JsonNodeFactory.instance.arrayNode();
        for (JsonNode message : messages) {
            McpReply reply = server.handle(message, principal.caller());
            if (reply instanceof McpReply.InsufficientScope refused) {
                return challenge.insufficientScope(refused.tool());
            }
            if (reply instanceof McpReply.Body answer) {
                responses.add(answer.json());
            }
        }
        return responses.isEmpty() ? Response.accepted().build() : json(200, responses);
    }

    private Response respond(McpReply reply) {
        if (reply instanceof McpReply.Body answer) {
            return json(answer.status(), answer.json());
        }
        if (reply instanceof McpReply.InsufficientScope refused) {
            return challenge.insufficientScope(refused.tool());
        }
        return Response.accepted().build();
    }

    private static boolean acceptsJson(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("application/json") || lower.contains("*/*") || lower.contains("application/*");
    }

    private static Response notAllowed() {
        return Response.status(405).header("Allow", "POST")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "method_not_allowed", "error_description",
                        "this MCP server is stateless and answers JSON: use POST (no SSE stream, no session to end)"))
                .build();
    }

    private static Response problem(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_request", "error_description", message)).build();
    }

    private Response json(int status, JsonNode body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON node always serialises", e);
        }
    }
}
