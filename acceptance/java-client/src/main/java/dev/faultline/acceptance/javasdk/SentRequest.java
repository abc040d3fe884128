package dev.faultline.acceptance.javasdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/** What the modern client put on the wire for one request, as its request customizer saw it. */
record SentRequest(String method, String versionHeader, String methodHeader, String nameHeader,
        String metaVersion, String toolName) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

    static SentRequest of(String method, String versionHeader, String methodHeader, String nameHeader,
            String body) {
        JsonNode params = params(body);
        return new SentRequest(method, versionHeader, methodHeader, nameHeader,
                text(params.path("_meta").path(META_PROTOCOL_VERSION)),
                "tools/call".equals(method) ? text(params.path("name")) : null);
    }

    /**
     * The 2026-07-28 wire form: the version in {@code MCP-Protocol-Version} and in {@code _meta}, the method in
     * {@code Mcp-Method}, and for a tool call the tool's name in {@code Mcp-Name}.
     */
    boolean isModern() {
        return Faultline.MODERN.equals(versionHeader) && Faultline.MODERN.equals(metaVersion)
                && method != null && method.equals(methodHeader) && Objects.equals(toolName, nameHeader);
    }

    private static JsonNode params(String body) {
        try {
            return body == null || body.isEmpty() ? JSON.missingNode() : JSON.readTree(body).path("params");
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }
}
