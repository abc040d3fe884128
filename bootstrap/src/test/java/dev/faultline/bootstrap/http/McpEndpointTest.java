package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** The MCP resource server over real HTTP, one test per line of the CHECKLIST's MCP section. */
@ExtendWith(DropwizardExtensionsSupport.class)
class McpEndpointTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final ListAppender<ILoggingEvent> REQUEST_LOG = new ListAppender<>();
    private static String readToken;
    private static String writeToken;
    private static String base;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void aUserWithAnApplicationAndTwoPersonalTokens() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        base = APP.getConfiguration().getPublicBaseUrl();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of("mcp@example.com", "Mia", "correct horse battery"))).userId();
        faultline.tracker().createApplication().createApplication(new CreateApplication.Command(Actor.person(user), "Shop",
                new ApplicationSlug("shop"), new Platform("java")));
        readToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "read", "mcp:read", null)).token();
        writeToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "write", "mcp:read mcp:write", null)).token();
        Logger requests = (Logger) LoggerFactory.getLogger("faultline.requests");
        REQUEST_LOG.start();
        requests.setLevel(ch.qos.logback.classic.Level.INFO);
        requests.addAppender(REQUEST_LOG);
    }

    @Test
    void unauthenticated_401_with_www_authenticate_resource_metadata_and_scope() throws Exception {
        HttpResponse<String> missing = post("/mcp", null, ping(), "2025-11-25");
        HttpResponse<String> invalid = post("/mcp", "not-a-token", ping(), "2025-11-25");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer resource_metadata=\"" + base
                + "/.well-known/oauth-protected-resource/mcp\", scope=\"mcp:read\"");
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(invalid.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"").contains("resource_metadata=", "scope=\"mcp:read\"");
    }

    @Test
    void prm_rfc9728_at_both_locations_with_exact_resource_and_cors() throws Exception {
        for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            JsonNode prm = json.readTree(response.body());
            assertThat(prm.path("resource").asText()).isEqualTo(base + "/mcp");
            assertThat(prm.path("authorization_servers").get(0).asText()).isEqualTo(base);
            assertThat(prm.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
        }
    }

    @Test
    void write_tool_with_a_read_only_personal_token_is_403_insufficient_scope_without_a_sign_in_to_start()
            throws Exception {
        for (String path : List.of("/mcp", "/mcp/" + readToken)) {
            HttpResponse<String> refused = post(path, path.equals("/mcp") ? readToken : null,
                    call("resolve_issue", "{\"issue_id\":\"x\"}"), "2025-11-25");

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer error=\"insufficient_scope\", scope=\"mcp:read mcp:write\", error_description=")
                    .contains("cannot step up").doesNotContain("resource_metadata");
            assertThat(json.readTree(refused.body()).path("error_description").asText())
                    .contains("a personal access token cannot step up")
                    .contains(base + "/settings/integrations").doesNotContain(readToken);
        }
    }

    @Test
    void bearer_never_in_the_query_string() throws Exception {
        HttpResponse<String> response = post("/mcp?access_token=" + readToken, null, ping(), "2025-11-25");
        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(response.body()).contains("query string");
    }

    @Test
    void one_message_per_post_arrays_400_unless_2025_03_26() throws Exception {
        String batch = "[" + ping() + "," + ping() + "]";
        assertThat(post("/mcp", readToken, batch, "2025-11-25").statusCode()).isEqualTo(400);
        HttpResponse<String> old = post("/mcp", readToken, batch, "2025-03-26");
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(json.readTree(old.body())).hasSize(2);
    }

    @Test
    void notifications_202_without_body_and_requests_answer_application_json() throws Exception {
        HttpResponse<String> notification = post("/mcp", readToken,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "2025-11-25");
        HttpResponse<String> request = post("/mcp", readToken, ping(), "2025-11-25");

        assertThat(notification.statusCode()).isEqualTo(202);
        assertThat(notification.body()).isEmpty();
        assertThat(request.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(request.headers().firstValue("Mcp-Session-Id")).isEmpty();
    }

    @Test
    void content_type_415_accept_406_and_protocol_version_header_checked() throws Exception {
        assertThat(send(request("/mcp", readToken, ping()).header("Content-Type", "text/plain")
                .header("Accept", "application/json")).statusCode()).isEqualTo(415);
        assertThat(send(request("/mcp", readToken, ping()).header("Content-Type", "application/json")
                .header("Accept", "text/html")).statusCode()).isEqualTo(406);
        assertThat(post("/mcp", readToken, ping(), "2024-01-01").statusCode()).isEqualTo(400);
        assertThat(post("/mcp", readToken, ping(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_request_refused_before_its_body_is_read_leaves_the_keep_alive_connection_usable() throws Exception {
        String large = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(60_000)
                + "\"}}";
        for (int round = 0; round < 10; round++) {
            assertThat(send(request("/mcp", readToken, large).header("Content-Type", "text/plain")
                    .header("Accept", "application/json")).statusCode()).as("round %d", round).isEqualTo(415);
            assertThat(send(request("/mcp", readToken, large).header("Content-Type", "application/json")
                    .header("Accept", "text/html")).statusCode()).as("round %d", round).isEqualTo(406);
            assertThat(post("/mcp", readToken, ping(), "2025-11-25").statusCode()).as("round %d", round)
                    .isEqualTo(200);
        }
    }

    @Test
    void invalid_origin_403_dns_rebinding() throws Exception {
        assertThat(send(request("/mcp", readToken, ping()).header("Content-Type", "application/json")
                .header("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        assertThat(send(request("/mcp", readToken, ping()).header("Content-Type", "application/json")
                .header("Origin", base)).statusCode()).isEqualTo(200);
    }

    @Test
    void get_and_delete_on_mcp_are_405() throws Exception {
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).contains("POST");
        }
    }

    @Test
    void initialize_echoes_a_supported_version_or_answers_the_newest_and_declares_only_tools() throws Exception {
        for (String version : List.of("2025-11-25", "2025-06-18", "2025-03-26")) {
            assertThat(result(initialize(version)).path("protocolVersion").asText()).isEqualTo(version);
        }
        JsonNode result = result(initialize("1999-01-01"));
        assertThat(result.path("protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(iterable(result.path("capabilities").fieldNames())).containsExactly("tools");
        assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("faultline");
        assertThat(result.path("instructions").asText()).contains("untrusted");
    }

    @Test
    void ping_unknown_method_parse_error_invalid_request() throws Exception {
        assertThat(result(ping()).isObject() && result(ping()).isEmpty()).isTrue();
        assertThat(errorCode(post("/mcp", readToken, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}", "2025-11-25")))
                .isEqualTo(-32601);
        HttpResponse<String> parse = post("/mcp", readToken, "{not json", "2025-11-25");
        assertThat(parse.statusCode()).isEqualTo(400);
        assertThat(errorCode(parse)).isEqualTo(-32700);
        assertThat(errorCode(post("/mcp", readToken, "{\"id\":1,\"method\":\"ping\"}", "2025-11-25"))).isEqualTo(-32600);
        assertThat(errorCode(post("/mcp", readToken, "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", "2025-11-25")))
                .isEqualTo(-32600);
    }

    @Test
    void unknown_tool_and_bad_cursor_are_32602() throws Exception {
        assertThat(errorCode(post("/mcp", readToken, call("drop_database", "{}"), "2025-11-25"))).isEqualTo(-32602);
        assertThat(errorCode(post("/mcp", readToken,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"bogus\"}}", "2025-11-25")))
                .isEqualTo(-32602);
    }

    @Test
    void tools_list_shows_every_tool_to_every_token_in_the_same_bytes_with_complete_descriptions() throws Exception {
        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        HttpResponse<String> forReader = post("/mcp", readToken, list, "2025-11-25");
        HttpResponse<String> forWriter = post("/mcp", writeToken, list, "2025-11-25");
        JsonNode allTools = json.readTree(forReader.body()).path("result").path("tools");

        assertThat(forReader.body()).as("the same bytes whatever the token's scopes").isEqualTo(forWriter.body());
        assertThat(post("/mcp", readToken, list, "2025-11-25").body()).as("and on every call").isEqualTo(forReader.body());
        assertThat(allTools).hasSize(12);
        for (JsonNode tool : allTools) {
            assertThat(tool.path("name").asText()).matches("[A-Za-z0-9_.-]{1,64}");
            assertThat(tool.path("title").asText()).isNotBlank();
            assertThat(tool.path("description").asText()).isNotBlank();
            assertThat(tool.path("inputSchema").path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(tool.path("outputSchema").isObject()).isTrue();
            assertThat(tool.path("annotations").path("openWorldHint").asBoolean(true)).isFalse();
            JsonNode hints = tool.path("annotations");
            boolean write = List.of("resolve_issue", "reopen_issue", "mute_issue", "assign_issue", "add_note",
                    "delete_note").contains(tool.path("name").asText());
            assertThat(hints.path("readOnlyHint").asBoolean()).as(tool.path("name").asText()).isEqualTo(!write);
            assertThat(hints.path("destructiveHint").asBoolean())
                    .isEqualTo(tool.path("name").asText().equals("delete_note"));
            assertThat(tool.path("description").asText().contains("Needs the mcp:write permission"))
                    .as("%s says whether it needs mcp:write", tool.path("name").asText()).isEqualTo(write);
        }
    }

    @Test
    void tools_call_success_has_structured_content_and_text_and_bad_input_is_iserror() throws Exception {
        JsonNode ok = result(call("list_applications", "{}"));
        JsonNode bad = result(call("list_issues", "{\"limit\":100000,\"surprise\":true}"));

        assertThat(ok.path("isError").asBoolean(true)).isFalse();
        assertThat(ok.path("structuredContent").toString()).contains("shop");
        assertThat(ok.path("content").get(0).path("type").asText()).isEqualTo("text");
        assertThat(bad.path("isError").asBoolean()).isTrue();
        assertThat(bad.path("content").get(0).path("text").asText()).isNotBlank();
    }

    @Test
    void personal_token_in_the_url_form_works_and_never_reaches_the_request_log() throws Exception {
        HttpResponse<String> response = post("/mcp/" + readToken, null, ping(), "2025-11-25");
        assertThat(response.statusCode()).isEqualTo(200);

        List<String> lines = requestLogLinesOnceOneContains("POST /mcp/***");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("POST /mcp/***"));
        assertThat(String.join("\n", lines)).doesNotContain(readToken).doesNotContain(writeToken);
    }

    /**
     * Jetty writes a request's log line when the exchange completes, on its own thread, which may be after the
     * client already has the response: waits (up to a failure-only limit) for the line instead of sleeping.
     */
    private static List<String> requestLogLinesOnceOneContains(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<String> lines = new ArrayList<>();
            synchronized (REQUEST_LOG) { // the appender adds under this lock (AppenderBase.doAppend)
                REQUEST_LOG.list.forEach(event -> lines.add(event.getFormattedMessage()));
            }
            if (lines.stream().anyMatch(line -> line.contains(expected)) || System.nanoTime() > deadline) {
                return lines;
            }
            Thread.sleep(10);
        }
    }

    private HttpResponse<String> post(String path, String token, String body, String version) throws Exception {
        HttpRequest.Builder builder = request(path, token, body)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (version != null) {
            builder.header("MCP-Protocol-Version", version);
        }
        return send(builder);
    }

    private static HttpRequest.Builder request(String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode result(String body) throws Exception {
        return result(readToken, body);
    }

    private JsonNode result(String token, String body) throws Exception {
        HttpResponse<String> response = post("/mcp", token, body, "2025-11-25");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("result");
    }

    private int errorCode(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).path("error").path("code").asInt();
    }

    private static String ping() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    }

    private static String initialize(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    }

    private static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        Iterable<String> iterable = () -> names;
        return StreamSupport.stream(iterable.spliterator(), false).toList();
    }
}
