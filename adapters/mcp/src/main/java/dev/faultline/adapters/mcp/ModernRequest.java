package dev.faultline.adapters.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * The 2026-07-28 request envelope, checked in the order the conformance suite's reference server checks it:
 * the {@code MCP-Protocol-Version} header (missing or duplicated: -32020), {@code _meta} with
 * {@code protocolVersion} and {@code clientCapabilities} (-32602; {@code clientInfo} is optional), header and
 * {@code _meta} naming the same version (-32020), a version this server speaks (-32022 with
 * {@code data: {supported, requested}}), then {@code Mcp-Method} and, for {@code tools/call}, {@code Mcp-Name}
 * against the body (-32020). Every refusal is HTTP 400.
 */
final class ModernRequest {
    static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    sealed interface Outcome {
        record Valid(String method) implements Outcome {
        }

        record Refused(JsonNode body) implements Outcome {
        }
    }

    private ModernRequest() {
    }

    /** {@code headers} gives every value sent under a header name, matched case-insensitively. */
    static Outcome check(JsonNode message, Function<String, List<String>> headers) {
        JsonNode id = JsonRpc.isValidId(message.get("id")) ? message.get("id") : null;
        McpHeaderValue version = McpHeaderValue.of(headers.apply("MCP-Protocol-Version"));
        if (!(version instanceof McpHeaderValue.Present sentVersion)) {
            return mismatch(id, "MCP-Protocol-Version", version);
        }
        JsonNode meta = message.path("params").path("_meta");
        JsonNode requested = meta.path(ProtocolEra.META_PROTOCOL_VERSION);
        if (!requested.isTextual() || !meta.path(CLIENT_CAPABILITIES).isObject()
                || meta.has(CLIENT_INFO) && !meta.get(CLIENT_INFO).isObject()) {
            return new Outcome.Refused(JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "a 2026-07-28 request carries "
                    + "params._meta with \"" + ProtocolEra.META_PROTOCOL_VERSION + "\" (a string) and \""
                    + CLIENT_CAPABILITIES + "\" (an object); \"" + CLIENT_INFO + "\" is optional, an object"));
        }
        if (!sentVersion.value().equals(requested.asText())) {
            return new Outcome.Refused(JsonRpc.error(id, JsonRpc.HEADER_MISMATCH, "the MCP-Protocol-Version "
                    + "header does not match params._meta[\"" + ProtocolEra.META_PROTOCOL_VERSION + "\"]"));
        }
        if (!ProtocolEra.MODERN_VERSION.equals(requested.asText())) {
            ObjectNode data = NODES.objectNode();
            ProtocolEra.ALL_VERSIONS.forEach(data.putArray("supported")::add);
            data.put("requested", requested.asText());
            return new Outcome.Refused(JsonRpc.error(id, JsonRpc.UNSUPPORTED_PROTOCOL_VERSION, "unsupported "
                    + "protocol version; per-request _meta is served under " + ProtocolEra.MODERN_VERSION
                    + ", and initialize negotiates the older ones", data));
        }
        String method = message.path("method").asText("");
        McpHeaderValue methodHeader = McpHeaderValue.of(headers.apply("Mcp-Method"));
        if (!(methodHeader instanceof McpHeaderValue.Present sentMethod)) {
            return mismatch(id, "Mcp-Method", methodHeader);
        }
        if (!sentMethod.value().equals(method)) {
            return new Outcome.Refused(JsonRpc.error(id, JsonRpc.HEADER_MISMATCH,
                    "the Mcp-Method header does not match the body's \"method\""));
        }
        JsonNode name = message.path("params").path("name");
        if ("tools/call".equals(method) && name.isTextual()) {
            McpHeaderValue nameHeader = McpHeaderValue.of(headers.apply("Mcp-Name"));
            if (!(nameHeader instanceof McpHeaderValue.Present sentName)) {
                return mismatch(id, "Mcp-Name", nameHeader);
            }
            if (!sentName.value().equals(name.asText())) {
                return new Outcome.Refused(JsonRpc.error(id, JsonRpc.HEADER_MISMATCH,
                        "the Mcp-Name header does not match the body's params.name"));
            }
        }
        return new Outcome.Valid(method);
    }

    private static Outcome mismatch(JsonNode id, String header, McpHeaderValue value) {
        String why = value instanceof McpHeaderValue.Missing ? "is required on every 2026-07-28 request"
                : value instanceof McpHeaderValue.Duplicated ? "was sent more than once"
                : "is not valid =?base64?…?= UTF-8";
        return new Outcome.Refused(JsonRpc.error(id, JsonRpc.HEADER_MISMATCH, "the " + header + " header " + why));
    }
}
