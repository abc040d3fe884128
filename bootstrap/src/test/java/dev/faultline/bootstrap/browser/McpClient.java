package dev.faultline.bootstrap.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Streamable-HTTP MCP calls with a bearer token (an OAuth access token or a personal token). */
public final class McpClient {
    static final String PROTOCOL_VERSION = "2025-11-25";
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s","capabilities":{},\
            "clientInfo":{"name":"faultline-browser-test","version":"1"}}}""".formatted(PROTOCOL_VERSION);
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    public McpClient(String resource) {
        this.endpoint = URI.create(resource);
    }

    /** The first call of every session; no protocol version header yet, as the spec says. */
    public HttpResponse<String> initialize(String token) {
        return post(token, INITIALIZE, null);
    }

    public HttpResponse<String> listTools(String token) {
        return post(token, TOOLS_LIST, PROTOCOL_VERSION);
    }

    /** Calls the tool {@code name} with {@code arguments} (a JSON object). */
    public HttpResponse<String> callTool(String token, String name, String arguments) {
        return post(token, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\""
                + name + "\",\"arguments\":" + arguments + "}}", PROTOCOL_VERSION);
    }

    private HttpResponse<String> post(String token, String body, String protocolVersion) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (protocolVersion != null) {
            request.header("MCP-Protocol-Version", protocolVersion);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
