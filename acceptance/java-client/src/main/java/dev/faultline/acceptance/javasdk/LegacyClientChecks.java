package dev.faultline.acceptance.javasdk;

import static dev.faultline.acceptance.javasdk.Checks.expect;
import static dev.faultline.acceptance.javasdk.Faultline.abbreviated;
import static dev.faultline.acceptance.javasdk.Faultline.causeOf;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's legacy client ({@code io.modelcontextprotocol.client}): initialize, then tools over Streamable HTTP.
 * The token goes in through {@code httpRequestCustomizer}, the SDK's hook for headers.
 */
final class LegacyClientChecks {
    private final URI base;
    private final String token;
    private final Checks checks;

    LegacyClientChecks(URI base, String token, Checks checks) {
        this.base = base;
        this.token = token;
        this.checks = checks;
    }

    void run() {
        McpSyncClient client = client(token);
        try {
            String[] issueId = new String[1];
            checks.check("legacy client: initialize negotiates " + Faultline.LEGACY + " with serverInfo "
                    + Faultline.SERVER_NAME + " and the tools capability", () -> {
                McpSchema.InitializeResult initialized = client.initialize();
                expect(Faultline.LEGACY.equals(initialized.protocolVersion()),
                        "protocol version " + Faultline.LEGACY + ", got " + initialized.protocolVersion());
                expect(Faultline.SERVER_NAME.equals(initialized.serverInfo().name()),
                        "serverInfo " + Faultline.SERVER_NAME + ", got " + initialized.serverInfo());
                expect(initialized.capabilities().tools() != null, "the tools capability is offered");
            });
            checks.check("legacy client: tools/list gives all " + Faultline.TOOLS.size()
                    + " tools; exactly the write tools say they need mcp:write", () -> {
                List<McpSchema.Tool> tools = client.listTools().tools();
                Map<String, String> descriptions = new LinkedHashMap<>();
                tools.forEach(tool -> descriptions.put(tool.name(), tool.description()));
                Faultline.expectTools(List.copyOf(descriptions.keySet()), descriptions);
            });
            checks.check("legacy client: tools/call list_issues returns the demo issues of "
                    + Faultline.APPLICATION, () -> {
                String applicationId = Faultline.applicationId(call(client, "list_applications", Map.of()));
                issueId[0] = Faultline.expectIssuesOf(applicationId,
                        call(client, "list_issues", Map.of("application", Faultline.APPLICATION, "limit", 5)));
            });
            checks.check("legacy client: a write tool with the read-only token fails with the SDK's authorization "
                    + "error, 403 insufficient_scope", () -> {
                expect(issueId[0] != null, "an issue id from list_issues");
                try {
                    McpSchema.CallToolResult result = client.callTool(
                            new McpSchema.CallToolRequest("resolve_issue", Map.of("issue_id", issueId[0])));
                    throw new AssertionError("resolve_issue was not refused: " + abbreviated(result));
                } catch (RuntimeException refused) {
                    expectChallenge(refused, 403, Faultline.INSUFFICIENT_SCOPE);
                }
            });
        } finally {
            client.close();
        }
        checks.check("legacy client: a bad token gives the SDK's authorization error, 401 invalid_token", () -> {
            McpSyncClient refusedClient = client(Faultline.BAD_TOKEN);
            try {
                McpSchema.InitializeResult result = refusedClient.initialize();
                throw new AssertionError("initialize with a bad token succeeded: " + abbreviated(result));
            } catch (RuntimeException refused) {
                expectChallenge(refused, 401, Faultline.INVALID_TOKEN);
            } finally {
                refusedClient.close();
            }
        });
    }

    private McpSyncClient client(String bearer) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base.toString())
                .endpoint("/mcp")
                .connectTimeout(JavaSdkAcceptance.REQUEST_TIMEOUT)
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + bearer))
                .build();
        return McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("faultline-java-client", "1.0.0"))
                .requestTimeout(JavaSdkAcceptance.REQUEST_TIMEOUT)
                .initializationTimeout(JavaSdkAcceptance.REQUEST_TIMEOUT)
                .build();
    }

    private static Object call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        expect(!Boolean.TRUE.equals(result.isError()), tool + " succeeds: " + abbreviated(result));
        return result.structuredContent();
    }

    private static void expectChallenge(Throwable refused, int status, java.util.regex.Pattern challenge) {
        ResponseInfo response = causeOf(refused, McpHttpClientTransportAuthorizationException.class)
                .getResponseInfo();
        expect(response.statusCode() == status, "HTTP " + status + ", got " + response.statusCode());
        String header = response.headers().firstValue("WWW-Authenticate").orElse("");
        expect(challenge.matcher(header).find(), "WWW-Authenticate matches " + challenge + ": " + header);
    }
}
