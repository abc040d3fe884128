package dev.faultline.adapters.http.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.faultline.adapters.http.transport.JsonContentType;
import dev.faultline.adapters.http.transport.Printable;
import dev.faultline.adapters.http.transport.RequestBody;
import dev.faultline.adapters.http.transport.StrictJson;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /mcp} (and the personal-token form {@code POST /mcp/{token}}): MCP Streamable HTTP, stateless
 * (no session id) with JSON responses only. Checks, in order: Content-Type (415; application/json in UTF-8),
 * Accept (406), body size (413), strict JSON ({@link StrictJson}: -32700), then the era ({@link ProtocolEra}):
 * a 2026-07-28 request goes to {@link ModernServer}; any other with an unknown {@code MCP-Protocol-Version}
 * is 400,
 * then one JSON-RPC message per body — a batch array only under protocol 2025-03-26, which allowed them, and
 * at most {@link McpLimits#maxBatchLength()} long. No response exceeds {@link McpLimits#maxResponseBytes()}. {@code GET} and {@code DELETE} answer 405: there is no
 * server-to-client stream and no session to end.
 */
@Path("/mcp")
public final class McpResource {
    private static final String VERSION_HEADER = "MCP-Protocol-Version";
    private final McpServer server;
    private final ModernServer modern;
    private final BearerChallenge challenge;
    private final McpLimits limits;
    private final ObjectMapper json = new ObjectMapper();

    public McpResource(McpServer server, BearerChallenge challenge, McpLimits limits) {
        this.server = Objects.requireNonNull(server, "server");
        this.modern = new ModernServer(server);
        this.challenge = Objects.requireNonNull(challenge, "challenge");
        this.limits = Objects.requireNonNull(limits, "limits");
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

    private Response handle(McpPrincipal principal, HttpHeaders headers, InputStream body) {
        Optional<String> typeProblem = JsonContentType.problem(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        if (typeProblem.isPresent()) {
            return problem(415, typeProblem.get());
        }
        if (!acceptsJson(headers)) {
            return problem(406, "the Accept header must allow application/json (this server answers JSON, never SSE)");
        }
        String version = headers.getHeaderString(VERSION_HEADER);
        boolean legacyVersionUnknown = version != null && !McpServer.SUPPORTED_VERSIONS.contains(version.trim());
        String protocol = version == null ? McpServer.ASSUMED_VERSION : version.trim();
        String tooLarge = "a message is at most " + limits.maxBodyBytes() + " bytes";
        if (RequestBody.declaredLengthExceeds(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH),
                limits.maxBodyBytes())) {
            return problem(413, tooLarge);
        }
        Optional<byte[]> read;
        try {
            read = RequestBody.readAtMost(body, limits.maxBodyBytes());
        } catch (IOException e) {
            return problem(400, "the request body could not be read");
        }
        if (read.isEmpty()) {
            return problem(413, tooLarge);
        }
        byte[] bytes = read.get();
        StrictJson.Outcome parsed = StrictJson.parse(bytes);
        if (parsed instanceof StrictJson.Outcome.Refused refused) {
            if (legacyVersionUnknown) {
                return unsupportedVersion(version);
            }
            return json(400, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "the body is not acceptable JSON: "
                    + refused.reason()));
        }
        JsonNode message = ((StrictJson.Outcome.Parsed) parsed).value();
        if (ProtocolEra.of(message, version) == ProtocolEra.MODERN) {
            return respond(modern.handle(message, headers::getRequestHeader, principal.caller()));
        }
        if (legacyVersionUnknown) {
            return unsupportedVersion(version);
        }
        if (message.isArray()) {
            return batch((ArrayNode) message, principal, protocol);
        }
        return respond(server.handle(message, principal.caller()));
    }

    /**
     * A 2025-03-26 batch: refused whole, before anything in it is carried out, when it is too long or one of its
     * calls needs a scope the token lacks (step-up). Its answers share one response budget: a result that would
     * overflow it, and every message after that one, get error -32001 instead (those are not carried out).
     */
    private Response batch(ArrayNode messages, McpPrincipal principal, String protocol) {
        if (!McpServer.ASSUMED_VERSION.equals(protocol)) {
            return json(400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST,
                    "send one JSON-RPC message per request; batches ended with protocol 2025-03-26"));
        }
        if (messages.isEmpty()) {
            return json(400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "an empty batch"));
        }
        if (messages.size() > limits.maxBatchLength()) {
            return json(400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "a batch holds at most "
                    + limits.maxBatchLength() + " messages and this one has " + messages.size()
                    + "; nothing in it was carried out. Send fewer messages per request"));
        }
        for (JsonNode message : messages) {
            Optional<McpReply.InsufficientScope> stepUp = server.stepUpNeeded(message, principal.caller());
            if (stepUp.isPresent()) {
                return challenge.insufficientScope(stepUp.get());
            }
        }
        List<byte[]> answers = new ArrayList<>();
        long used = 2;
        boolean full = false;
        for (JsonNode message : messages) {
            JsonNode id = message.isObject() && JsonRpc.isValidId(message.get("id")) ? message.get("id") : null;
            byte[] answer;
            if (full) {
                answer = bytes(JsonRpc.error(id, JsonRpc.RESPONSE_TOO_LARGE, "not carried out: the batch's "
                        + "response reached the limit of " + limits.maxResponseBytes() + " bytes; send this "
                        + "request again on its own"));
            } else {
                McpReply reply = server.handle(message, principal.caller());
                if (reply instanceof McpReply.InsufficientScope refused) {
                    return challenge.insufficientScope(refused);
                }
                if (!(reply instanceof McpReply.Body body)) {
                    continue;
                }
                answer = bytes(body.json());
                if (used + answer.length + 1 > limits.maxResponseBytes()) {
                    answer = bytes(tooLarge(id, answer.length));
                    full = true;
                }
            }
            answers.add(answer);
            used += answer.length + 1;
        }
        if (answers.isEmpty()) {
            return Response.accepted().build();
        }
        ByteArrayOutputStream array = new ByteArrayOutputStream();
        array.write('[');
        for (int i = 0; i < answers.size(); i++) {
            if (i > 0) {
                array.write(',');
            }
            array.writeBytes(answers.get(i));
        }
        array.write(']');
        return Response.status(200).type(MediaType.APPLICATION_JSON_TYPE).entity(array.toByteArray()).build();
    }

    private Response respond(McpReply reply) {
        if (reply instanceof McpReply.Body answer) {
            byte[] body = bytes(answer.json());
            if (body.length > limits.maxResponseBytes()) {
                JsonNode id = answer.json().get("id");
                return json(answer.status(), tooLarge(id == null || id.isNull() ? null : id, body.length));
            }
            return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        if (reply instanceof McpReply.InsufficientScope refused) {
            return challenge.insufficientScope(refused);
        }
        return Response.accepted().build();
    }

    private JsonNode tooLarge(JsonNode id, int size) {
        return JsonRpc.error(id, JsonRpc.RESPONSE_TOO_LARGE, "the answer is " + size + " bytes, more than the "
                + "response limit of " + limits.maxResponseBytes() + " bytes, so it was not sent (the request "
                + "itself was carried out). Ask for less: a smaller limit or a narrower filter");
    }

    private static boolean acceptsJson(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("application/json") || lower.contains("*/*") || lower.contains("application/*");
    }

    private static Response unsupportedVersion(String version) {
        return problem(400, "unsupported MCP-Protocol-Version \"" + Printable.of(version, 40) + "\"; supported: "
                + String.join(", ", McpServer.SUPPORTED_VERSIONS));
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
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(bytes(body)).build();
    }

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON node always serialises", e);
        }
    }
}
