package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MCP 2026-07-28 on /mcp beside the legacy revisions, chosen per request, over real HTTP: one test per row. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ModernEraTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String MODERN = "2026-07-28";
    private static String readToken;
    private static String base;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void aUserWithAReadToken() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        base = APP.getConfiguration().getPublicBaseUrl();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of("modern@example.com", "Mo", "correct horse battery"))).userId();
        readToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "read", "mcp:read", null)).token();
    }

    @Test
    void server_discover_lists_every_version_tools_capability_instructions_server_info_and_cache_hints() throws Exception {
        HttpResponse<String> response = modern("server/discover", null, meta(MODERN));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).path("result");
        assertThat(result.path("supportedVersions").toString())
                .isEqualTo("[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\",\"2025-03-26\"]");
        assertThat(result.path("capabilities").toString()).isEqualTo("{\"tools\":{\"listChanged\":false}}");
        assertThat(result.path("instructions").asText()).contains("list_issues");
        assertThat(result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name").asText())
                .isEqualTo("faultline");
        assertThat(result.path("resultType").asText()).isEqualTo("complete");
        assertThat(result.path("ttlMs").asLong()).isEqualTo(300_000);
        assertThat(result.path("cacheScope").asText()).isEqualTo("public");
    }

    @Test
    void tools_list_is_complete_identifies_the_server_and_is_cached_privately() throws Exception {
        HttpResponse<String> response = modern("tools/list", null, meta(MODERN));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).path("result");
        assertThat(result.path("tools").size()).isPositive();
        assertThat(result.path("resultType").asText()).isEqualTo("complete");
        assertThat(result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("version").isTextual()).isTrue();
        assertThat(result.path("ttlMs").asLong()).isEqualTo(300_000);
        assertThat(result.path("cacheScope").asText()).isEqualTo("private");
    }

    @Test
    void tools_call_is_complete_with_server_info_and_accepts_a_trimmed_or_base64_name_header() throws Exception {
        for (String name : List.of("list_applications", "  list_applications\t", "=?base64?bGlzdF9hcHBsaWNhdGlvbnM=?=")) {
            HttpResponse<String> response = send(request(call("list_applications", meta(MODERN)))
                    .header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "tools/call").header("Mcp-Name", name));

            assertThat(response.statusCode()).as(name).isEqualTo(200);
            JsonNode result = json.readTree(response.body()).path("result");
            assertThat(result.path("isError").asBoolean()).isFalse();
            assertThat(result.path("resultType").asText()).isEqualTo("complete");
            assertThat(result.path("_meta").has("io.modelcontextprotocol/serverInfo")).isTrue();
        }
    }

    @Test
    void header_names_are_case_insensitive_and_values_trimmed() throws Exception {
        HttpResponse<String> response = send(request(message("tools/list", meta(MODERN)))
                .header("mcp-protocol-version", " " + MODERN + " ").header("MCP-METHOD", " tools/list "));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void missing_duplicated_or_mismatched_headers_are_400_header_mismatch() throws Exception {
        List<HttpRequest.Builder> refused = new ArrayList<>();
        String list = message("tools/list", meta(MODERN));
        String call = call("list_applications", meta(MODERN));
        refused.add(request(list).header("Mcp-Method", "tools/list"));
        refused.add(request(list).header("MCP-Protocol-Version", MODERN).header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "tools/list"));
        refused.add(request(list).header("MCP-Protocol-Version", "2025-11-25").header("Mcp-Method", "tools/list"));
        refused.add(request(list).header("MCP-Protocol-Version", MODERN));
        refused.add(request(list).header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "tools/list")
                .header("Mcp-Method", "tools/list"));
        refused.add(request(list).header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "TOOLS/LIST"));
        refused.add(request(call).header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "tools/call"));
        refused.add(request(call).header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "wrong_tool_name"));
        refused.add(request(call).header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "=?base64?!!?="));
        for (HttpRequest.Builder request : refused) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(errorCode(response)).as(response.body()).isEqualTo(-32020);
            assertThat(json.readTree(response.body()).path("id").asInt()).isEqualTo(7);
        }
    }

    @Test
    void missing_or_invalid_meta_is_400_invalid_params_and_client_info_is_optional() throws Exception {
        for (String bad : List.of("{}", "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}",
                "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":[]}",
                "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/clientInfo\":1}")) {
            HttpResponse<String> response = modern("tools/list", null, bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(errorCode(response)).as(bad).isEqualTo(-32602);
        }
        HttpResponse<String> withoutClientInfo = modern("tools/list", null,
                "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}");
        assertThat(withoutClientInfo.statusCode()).isEqualTo(200);
    }

    @Test
    void an_unsupported_version_is_400_with_the_supported_and_requested_ones() throws Exception {
        HttpResponse<String> response = send(request(message("server/discover", meta("2099-01-01")))
                .header("MCP-Protocol-Version", "2099-01-01").header("Mcp-Method", "server/discover"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32022);
        assertThat(error.path("data").path("supported").get(0).asText()).isEqualTo(MODERN);
        assertThat(error.path("data").path("requested").asText()).isEqualTo("2099-01-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"initialize", "ping", "logging/setLevel", "subscriptions/listen", "resources/list"})
    void unknown_and_removed_methods_are_404_method_not_found(String method) throws Exception {
        HttpResponse<String> response = modern(method, null, meta(MODERN));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo(-32601);
    }

    @Test
    void a_notification_is_202_without_a_body() throws Exception {
        HttpResponse<String> response = send(request("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                + "\"params\":{\"_meta\":" + meta(MODERN) + "}}")
                .header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "notifications/cancelled"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void get_and_delete_stay_405_with_modern_headers() throws Exception {
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                    .header("Authorization", "Bearer " + readToken).header("MCP-Protocol-Version", MODERN)
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(response.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void authorization_is_decided_first_401_without_a_token_and_403_for_a_write_tool() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json").header("MCP-Protocol-Version", MODERN)
                .POST(HttpRequest.BodyPublishers.ofString(message("tools/list", "{}"))));
        HttpResponse<String> stepUp = send(request(call("resolve_issue", meta(MODERN)))
                .header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "tools/call").header("Mcp-Name", "resolve_issue"));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("resource_metadata=");
        assertThat(stepUp.statusCode()).isEqualTo(403);
        assertThat(stepUp.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
    }

    @Test
    void the_personal_token_url_form_serves_the_modern_era_too() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/mcp/" + readToken))
                .header("Content-Type", "application/json").header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "server/discover")
                .POST(HttpRequest.BodyPublishers.ofString(message("server/discover", meta(MODERN)))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("result").path("resultType").asText()).isEqualTo("complete");
    }

    @Test
    void legacy_clients_are_untouched_initialize_negotiates_only_legacy_versions() throws Exception {
        HttpResponse<String> initialize = send(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2026-07-28\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}"));
        HttpResponse<String> list = send(request(message("tools/list", "{}")).header("MCP-Protocol-Version", "2025-11-25"));
        HttpResponse<String> unknown = send(request(message("tools/list", "{}")).header("MCP-Protocol-Version", "2024-01-01"));

        assertThat(json.readTree(initialize.body()).path("result").path("protocolVersion").asText()).isEqualTo("2025-11-25");
        JsonNode legacy = json.readTree(list.body()).path("result");
        assertThat(legacy.has("resultType")).isFalse();
        assertThat(legacy.has("ttlMs")).isFalse();
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("error").asText()).isEqualTo("invalid_request");
    }

    private HttpResponse<String> modern(String method, String name, String meta) throws Exception {
        HttpRequest.Builder request = request(message(method, meta)).header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", method);
        return send(name == null ? request : request.header("Mcp-Name", name));
    }

    private static String meta(String version) {
        return "{\"io.modelcontextprotocol/protocolVersion\":\"" + version + "\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}";
    }

    private static String message(String method, String meta) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":{\"_meta\":" + meta + "}}";
    }

    private static String call(String tool, String meta) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{},\"_meta\":" + meta + "}}";
    }

    private static HttpRequest.Builder request(String body) {
        return HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Authorization", "Bearer " + readToken)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int errorCode(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).path("error").path("code").asInt();
    }
}
