package dev.faultline.adapters.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 messages, the error codes the MCP checklist names, and Faultline's own -32001. */
final class JsonRpc {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** Server-defined (JSON-RPC reserves -32000 to -32099 for these): the answer exceeds the response limit. */
    static final int RESPONSE_TOO_LARGE = -32001;
    /** 2026-07-28: an MCP request header is missing, duplicated or does not match the body. */
    static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the request's protocol version is not one this server speaks. */
    static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRpc() {
    }

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode response = NODES.objectNode().put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", result);
        return response;
    }

    static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = NODES.objectNode().put("jsonrpc", "2.0");
        response.set("id", id == null ? NullNode.getInstance() : id);
        response.putObject("error").put("code", code).put("message", message);
        return response;
    }

    static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
        ObjectNode response = error(id, code, message);
        ((ObjectNode) response.get("error")).set("data", data);
        return response;
    }

    /** A request id must be a string or an integer (MCP forbids null ids). */
    static boolean isValidId(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber());
    }
}
