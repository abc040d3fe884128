package dev.faultline.adapters.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.application.access.port.in.AuthenticateBearer.Caller;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * MCP 2026-07-28 for a stateless, tools-only server: the envelope ({@link ModernRequest}), then
 * {@code server/discover}, {@code tools/list} and {@code tools/call} (the last two answered by {@link McpServer},
 * exactly as under 2025-11-25). Every result carries {@code resultType: "complete"} and
 * {@code _meta["io.modelcontextprotocol/serverInfo"]}; lists and discovery carry the caching hints
 * {@code ttlMs} and {@code cacheScope}. Any other method — {@code initialize}, {@code ping},
 * {@code logging/setLevel} and {@code subscriptions/listen} included — is HTTP 404 with -32601.
 */
public final class ModernServer {
    static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    /** How long a client may reuse {@code tools/list} and {@code server/discover} answers: five minutes. */
    static final long TTL_MS = 300_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final McpServer server;

    public ModernServer(McpServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    /** One JSON-RPC message (an object) the {@link ProtocolEra#MODERN} era serves. */
    McpReply handle(JsonNode message, Function<String, List<String>> headers, Caller caller) {
        if (server.stepUpNeeded(message, caller).isPresent()) {
            return server.handle(message, caller); // authorization is decided first, as in every era: 403
        }
        ModernRequest.Outcome outcome = ModernRequest.check(message, headers);
        if (outcome instanceof ModernRequest.Outcome.Refused refused) {
            return new McpReply.Body(400, refused.body());
        }
        JsonNode id = message.get("id");
        if (!"2.0".equals(message.path("jsonrpc").asText(null)) || !JsonRpc.isValidId(id)) {
            return server.handle(message, caller); // not a request: 202 for a notification, 400 otherwise
        }
        String method = ((ModernRequest.Outcome.Valid) outcome).method();
        return switch (method) {
            case "server/discover" -> new McpReply.Body(200, JsonRpc.result(id, cached(complete(discover()), "public")));
            case "tools/list" -> decorated(server.handle(message, caller), true);
            case "tools/call" -> decorated(server.handle(message, caller), false);
            default -> new McpReply.Body(404, JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "method \"" + method
                    + "\" is not part of MCP 2026-07-28 on this server; it offers server/discover, tools/list "
                    + "and tools/call"));
        };
    }

    private ObjectNode discover() {
        ObjectNode result = NODES.objectNode();
        ProtocolEra.ALL_VERSIONS.forEach(result.putArray("supportedVersions")::add);
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        result.put("instructions", McpServer.INSTRUCTIONS);
        return result;
    }

    private McpReply decorated(McpReply reply, boolean list) {
        if (reply instanceof McpReply.Body body && body.json().path("result").isObject()) {
            ObjectNode result = complete((ObjectNode) body.json().get("result"));
            if (list) {
                cached(result, "private");
            }
        }
        return reply;
    }

    private ObjectNode complete(ObjectNode result) {
        result.put("resultType", "complete");
        JsonNode meta = result.get("_meta");
        (meta instanceof ObjectNode existing ? existing : result.putObject("_meta")).set(SERVER_INFO, server.serverInfo());
        return result;
    }

    private static ObjectNode cached(ObjectNode result, String scope) {
        return result.put("ttlMs", TTL_MS).put("cacheScope", scope);
    }
}
