package dev.faultline.acceptance.javasdk;

import static dev.faultline.acceptance.javasdk.Checks.expect;
import static dev.faultline.acceptance.javasdk.Faultline.abbreviated;
import static dev.faultline.acceptance.javasdk.Faultline.causeOf;

import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import io.modelcontextprotocol.modern.client.transport.McpHttpStatusException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SDK's modern client ({@code io.modelcontextprotocol.modern.client}), which speaks only 2026-07-28 (its
 * builder's protocol versions default to that one revision and cannot be widened from outside the package): no
 * initialize, {@code server/discover}, the version in every request's {@code _meta} and headers. The request
 * customizer adds the token and records what each request carried.
 */
final class ModernClientChecks {
    private static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    private final URI base;
    private final String token;
    private final Checks checks;

    ModernClientChecks(URI base, String token, Checks checks) {
        this.base = base;
        this.token = token;
        this.checks = checks;
    }

    void run() {
        List<SentRequest> sent = new CopyOnWriteArrayList<>();
        McpSyncClient client = client(token, sent);
        String[] issueId = new String[1];
        checks.check("modern client: server/discover lists " + Faultline.MODERN + " among supportedVersions, "
                + "serverInfo " + Faultline.SERVER_NAME, () -> {
            McpSchema.DiscoverResult discovered = client.discover();
            expect(discovered.supportedVersions().contains(Faultline.MODERN),
                    "supportedVersions has " + Faultline.MODERN + ": " + discovered.supportedVersions());
            expect(discovered.capabilities().tools() != null, "the tools capability is offered");
            expectModernResult(discovered.resultType(), discovered.meta());
        });
        checks.check("modern client: tools/list gives all " + Faultline.TOOLS.size()
                + " tools with 2026-07-28 caching hints; exactly the write tools say they need mcp:write", () -> {
            McpSchema.ListToolsResult listed = client.tools().list();
            Map<String, String> descriptions = new LinkedHashMap<>();
            listed.tools().forEach(tool -> descriptions.put(tool.name(), tool.description()));
            Faultline.expectTools(List.copyOf(descriptions.keySet()), descriptions);
            expect(listed.ttlMs() != null && listed.cacheScope() != null,
                    "ttlMs and cacheScope are set: " + listed.ttlMs() + ", " + listed.cacheScope());
            expectModernResult(listed.resultType(), listed.meta());
        });
        checks.check("modern client: tools/call list_issues returns the demo issues of " + Faultline.APPLICATION,
                () -> {
            String applicationId = Faultline.applicationId(call(client, "list_applications", Map.of()));
            issueId[0] = Faultline.expectIssuesOf(applicationId,
                    call(client, "list_issues", Map.of("application", Faultline.APPLICATION, "limit", 5)));
        });
        checks.check("modern client: every request carried " + Faultline.MODERN + " (MCP-Protocol-Version, "
                + "_meta), Mcp-Method and, on tools/call, Mcp-Name; no initialize", () -> {
            List<String> methods = sent.stream().map(SentRequest::method).toList();
            expect(methods.containsAll(List.of("server/discover", "tools/list", "tools/call")),
                    "server/discover, tools/list and tools/call were sent: " + methods);
            expect(!methods.contains("initialize"), "no initialize on 2026-07-28: " + methods);
            sent.forEach(request -> expect(request.isModern(), "2026-07-28 wire form: " + request));
        });
        checks.check("modern client: a write tool with the read-only token fails with HTTP 403 "
                + "insufficient_scope", () -> {
            expect(issueId[0] != null, "an issue id from list_issues");
            try {
                McpSchema.CallToolResult result = client.tool("resolve_issue")
                        .arguments(Map.of("issue_id", issueId[0])).call();
                throw new AssertionError("resolve_issue was not refused: " + abbreviated(result));
            } catch (RuntimeException refused) {
                expectStatus(refused, 403, Faultline.INSUFFICIENT_SCOPE);
            }
        });
        checks.check("modern client: a bad token gives HTTP 401 invalid_token", () -> {
            McpSyncClient refusedClient = client(Faultline.BAD_TOKEN, new CopyOnWriteArrayList<>());
            try {
                McpSchema.DiscoverResult result = refusedClient.discover();
                throw new AssertionError("server/discover with a bad token succeeded: " + abbreviated(result));
            } catch (RuntimeException refused) {
                expectStatus(refused, 401, Faultline.INVALID_TOKEN);
            }
        });
    }

    private McpSyncClient client(String bearer, List<SentRequest> sent) {
        McpHttpRequestCustomizer authorizeAndRecord = McpHttpRequestCustomizer.fromSync((request, headers, context) -> {
            headers.set("Authorization", "Bearer " + bearer);
            sent.add(SentRequest.of(request.mcpMethod(), first(headers.get("MCP-Protocol-Version")),
                    first(headers.get("Mcp-Method")), first(headers.get("Mcp-Name")), request.body()));
        });
        HttpClientMcpTransport transport = HttpClientMcpTransport.builder(base.resolve("/mcp"))
                .connectTimeout(JavaSdkAcceptance.REQUEST_TIMEOUT)
                .requestCustomizer(authorizeAndRecord)
                .build();
        return McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("faultline-java-client", "1.0.0").build())
                .roundTimeout(JavaSdkAcceptance.REQUEST_TIMEOUT)
                .callTimeout(JavaSdkAcceptance.REQUEST_TIMEOUT)
                .build();
    }

    private static Object call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.tool(tool).arguments(arguments).call();
        expect(!Boolean.TRUE.equals(result.isError()), tool + " succeeds: " + abbreviated(result));
        expectModernResult(result.resultType(), result.meta());
        return result.structuredContent();
    }

    /** A 2026-07-28 result: {@code resultType} "complete" and the server's identity in {@code _meta}. */
    private static void expectModernResult(String resultType, Map<String, Object> meta) {
        expect("complete".equals(resultType), "resultType is complete, got " + resultType);
        Object serverInfo = meta == null ? null : meta.get(SERVER_INFO);
        expect(serverInfo instanceof Map<?, ?> info && Faultline.SERVER_NAME.equals(info.get("name")),
                "_meta " + SERVER_INFO + " names " + Faultline.SERVER_NAME + ": " + meta);
    }

    private static void expectStatus(Throwable refused, int status, java.util.regex.Pattern challenge) {
        McpHttpStatusException response = causeOf(refused, McpHttpStatusException.class);
        expect(response.statusCode() == status, "HTTP " + status + ", got " + response.statusCode());
        String header = response.headers().firstValue("WWW-Authenticate").orElse("");
        expect(challenge.matcher(header).find(), "WWW-Authenticate matches " + challenge + ": " + header);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
