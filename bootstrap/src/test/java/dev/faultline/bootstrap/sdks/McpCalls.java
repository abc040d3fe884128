package dev.faultline.bootstrap.sdks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.bootstrap.http.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** MCP {@code tools/call} over real HTTP with a personal token, as an MCP client sends it (plain JSON-RPC). */
final class McpCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;
    private final String token;
    private int nextId = 1;

    McpCalls(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The tool's structured result; a transport, JSON-RPC or tool error fails the test. */
    JsonNode tool(String name, Map<String, ?> arguments) {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", nextId++)
                .put("method", "tools/call");
        request.putObject("params").put("name", name).set("arguments", JSON.valueToTree(arguments));
        HttpResponse<String> response = Http.send(http, HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = parse(response.body()).path("result");
        assertThat(result.path("isError").asBoolean()).as("%s %s: %s", name, arguments, result).isFalse();
        return result.path("structuredContent");
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
