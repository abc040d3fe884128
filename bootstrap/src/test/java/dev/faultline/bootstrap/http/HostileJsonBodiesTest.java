package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
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
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Hostile bodies at the JSON endpoints ({@code POST /mcp} and dynamic client registration), over real HTTP: each
 * gets its documented error (status, JSON body of the endpoint's error shape), names the problem in words (no
 * Java or Jackson class name, no stack trace), logs no error, and changes no row of any table.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileJsonBodiesTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            ConfigOverride.config("registration.perAddress", "1000"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static final List<String> LEAKS = List.of("com.fasterxml", "jackson", "Jackson", "java.", "Exception",
            "StreamRead", "JsonParse", "`", "\tat ", "dev.faultline");
    private static String writeToken;
    private static String base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One hostile request and what must come back. */
    record Case(String name, String path, String contentType, byte[] body, int status,
            Consumer<JsonNode> answer) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void aUserWithAnApplicationAndAWriteToken() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        base = APP.getConfiguration().getPublicBaseUrl();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of("hostile@example.com", "Hal", "correct horse battery"))).userId();
        faultline.tracker().createApplication().createApplication(new CreateApplication.Command(Actor.person(user), "Shop",
                new ApplicationSlug("shop"), new Platform("java")));
        writeToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "write", "mcp:read mcp:write", null)).token();
    }

    @BeforeEach
    void captureErrorLogs() {
        LOG.list.clear();
        LOG.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
    }

    static Stream<Case> hostileBodies() {
        return Stream.of(
                // JSON-RPC bodies at /mcp
                mcp("lone high surrogate escape in an argument",
                        call("list_issues", "{\"query\":\"a\\ud800b\"}"), 400, parseError("surrogate")),
                mcp("lone low surrogate escape in a key", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
                        + "\"params\":{\"\\udc00\":1}}"), 400, parseError("surrogate")),
                mcp("overlong UTF-8 NUL (C0 80) in a string", concat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\""
                        + ",\"params\":{\"x\":\"a", new byte[] {(byte) 0xC0, (byte) 0x80}, "\"}}"), 400,
                        parseError("UTF-8")),
                mcp("overlong 3-byte slash (E0 80 AF)", concat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
                        + "\"params\":{\"x\":\"", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, "\"}}"), 400,
                        parseError("UTF-8")),
                mcp("UTF-8-encoded surrogate (ED A0 80)", concat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
                        + "\"params\":{\"x\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}}"), 400,
                        parseError("UTF-8")),
                mcp("a byte that is never UTF-8 (FF)", concat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
                        + "\"params\":{\"x\":\"", new byte[] {(byte) 0xFF}, "\"}}"), 400, parseError("UTF-8")),
                mcp("number beyond double range as an argument", call("list_issues", "{\"limit\":1e400}"), 400,
                        parseError("range")),
                mcp("negative number beyond double range as the id",
                        bytes("{\"jsonrpc\":\"2.0\",\"id\":-1e400,\"method\":\"ping\"}"), 400, parseError("range")),
                mcp("integer beyond double range", call("list_issues", "{\"limit\":1" + "0".repeat(400) + "}"), 400,
                        parseError("range")),
                mcp("exponent beyond any number", call("list_issues", "{\"limit\":1e2147483648}"), 400,
                        parseError(null)),
                mcp("duplicate key at the top", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}"),
                        400, parseError("\"id\" appears twice")),
                mcp("duplicate key in the arguments", call("list_issues", "{\"limit\":1,\"limit\":100}"), 400,
                        parseError("\"limit\" appears twice")),
                mcp("raw NUL byte inside a string", concat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
                        + "\"params\":{\"x\":\"a", new byte[] {0}, "\"}}"), 400, parseError("control character")),
                mcp("ends too early", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"), 400, parseError("ends")),
                mcp("nested too deep", bytes("[".repeat(5000) + "]".repeat(5000)), 400, parseError("deep")),
                mcp("something after the message", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {}"),
                        400, parseError("follows")),
                mcp("NUL escape in a tool argument", call("list_issues", "{\"query\":\"a\\u0000b\"}"), 200,
                        toolError("U+0000")),
                mcp("bell in a tool argument", call("list_issues", "{\"query\":\"\\u0007\"}"), 200,
                        toolError("U+0007")),
                mcp("unit separator around an application slug", call("list_issues",
                        "{\"application\":\"\\u001fshop\"}"), 200, toolError("U+001F")),
                mcp("C1 control in an assignee", call("assign_issue", "{\"issue_id\":"
                        + "\"3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1b\",\"assignee\":\"a@b.example\\u0085\"}"), 200,
                        toolError("U+0085")),
                mcp("NUL in a note body", call("add_note", "{\"issue_id\":"
                        + "\"3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1b\",\"body\":\"hi\\u0000\"}"), 200,
                        toolError("U+0000")),
                mcpTyped("Content-Type with an empty charset", "application/json; charset=", 415, oauthError()),
                mcpTyped("Content-Type of semicolons", ";;;", 415, oauthError()),
                mcpTyped("Content-Type with a parameter without value", "application/json; charset", 415,
                        oauthError()),
                mcpTyped("Content-Type naming another charset", "application/json; charset=iso-8859-1", 415,
                        oauthError()),
                // client registration
                dcr("duplicate key", bytes("{\"client_name\":\"a\",\"client_name\":\"b\",\"redirect_uris\":"
                        + "[\"https://a.example/cb\"]}"), 400, registrationError("\"client_name\" appears twice")),
                dcr("lone surrogate in the name", bytes("{\"client_name\":\"\\ud800\",\"redirect_uris\":"
                        + "[\"https://a.example/cb\"]}"), 400, registrationError("surrogate")),
                dcr("overlong UTF-8 in the name", concat("{\"client_name\":\"", new byte[] {(byte) 0xC0,
                        (byte) 0xAF}, "\",\"redirect_uris\":[\"https://a.example/cb\"]}"), 400,
                        registrationError("UTF-8")),
                dcr("number beyond double range in an unknown field", bytes("{\"x\":1e400,\"redirect_uris\":"
                        + "[\"https://a.example/cb\"]}"), 400, registrationError("range")),
                dcr("ends too early", bytes("{\"client_name\":"), 400, registrationError("ends")),
                dcr("NUL in the name", bytes("{\"client_name\":\"a\\u0000\",\"redirect_uris\":"
                        + "[\"https://a.example/cb\"]}"), 400, registrationError("control")),
                dcr("unit separator before the name", bytes("{\"client_name\":\"\\u001fname\",\"redirect_uris\":"
                        + "[\"https://a.example/cb\"]}"), 400, registrationError("control")),
                dcr("NUL after the scope", bytes("{\"scope\":\"mcp:read\\u0000\",\"redirect_uris\":"
                        + "[\"https://a.example/cb\"]}"), 400, registrationError("U+0000")),
                dcr("unit separator as the whole scope", bytes("{\"scope\":\"\\u001f\",\"redirect_uris\":"
                        + "[\"https://a.example/cb\"]}"), 400, registrationError("U+001F")),
                dcr("NUL in a redirect URI", bytes("{\"redirect_uris\":[\"https://a.example/cb\\u0000\"]}"), 400,
                        registrationError(null)),
                dcrTyped("Content-Type with an empty charset", "application/json; charset=", 415, oauthError()),
                dcrTyped("Content-Type of semicolons", ";;;", 415, oauthError()),
                // the form endpoints, token and revocation
                form("token: overlong UTF-8 in the verifier", "/mcp/oauth/token", "grant_type=authorization_code"
                        + "&code=x&client_id=abc&redirect_uri=https%3A%2F%2Fa.example%2Fcb&code_verifier=%C0%80", 400,
                        formError("invalid_request", "UTF-8")),
                form("token: NUL in the client id", "/mcp/oauth/token", "grant_type=refresh_token"
                        + "&refresh_token=bogus&client_id=%00", 401, formError("invalid_client", null)),
                form("revoke: UTF-8-encoded surrogate in the token", "/mcp/oauth/revoke", "token=%ED%A0%80", 400,
                        formError("invalid_request", "UTF-8")),
                new Case("token: Content-Type of semicolons", "/mcp/oauth/token", ";;;",
                        bytes("grant_type=refresh_token&refresh_token=x"), 415, oauthError()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void each_hostile_body_gets_its_documented_error_and_changes_nothing(Case hostile) throws Exception {
        Map<String, Long> before = rowCounts();

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + hostile.path()))
                .header("Content-Type", hostile.contentType())
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.path().equals("/mcp")) {
            request.header("Authorization", "Bearer " + writeToken)
                    .header("MCP-Protocol-Version", "2025-11-25");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(hostile.status());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        hostile.answer().accept(body);
        for (String leak : LEAKS) {
            assertThat(response.body()).as("no internals in the answer").doesNotContain(leak);
        }
        assertThat(LOG.list).as("nothing logged at WARN or above")
                .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(rowCounts()).as("no row changed").isEqualTo(before);
    }

    private static Case mcp(String name, byte[] body, int status, Consumer<JsonNode> answer) {
        return new Case("/mcp: " + name, "/mcp", "application/json", body, status, answer);
    }

    private static Case mcpTyped(String name, String contentType, int status, Consumer<JsonNode> answer) {
        return new Case("/mcp: " + name, "/mcp", contentType,
                bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"), status, answer);
    }

    private static Case dcr(String name, byte[] body, int status, Consumer<JsonNode> answer) {
        return new Case("register: " + name, "/mcp/oauth/register", "application/json", body, status, answer);
    }

    private static Case dcrTyped(String name, String contentType, int status, Consumer<JsonNode> answer) {
        return new Case("register: " + name, "/mcp/oauth/register", contentType,
                bytes("{\"redirect_uris\":[\"https://a.example/cb\"]}"), status, answer);
    }

    private static Case form(String name, String path, String body, int status, Consumer<JsonNode> answer) {
        return new Case(name, path, "application/x-www-form-urlencoded", bytes(body), status, answer);
    }

    private static Consumer<JsonNode> formError(String error, String mentions) {
        return body -> {
            if (error != null) {
                assertThat(body.path("error").asText()).isEqualTo(error);
            } else {
                assertThat(body.path("error").asText()).isNotBlank();
            }
            if (mentions != null) {
                assertThat(body.path("error_description").asText()).contains(mentions);
            }
        };
    }

    private static Consumer<JsonNode> parseError(String mentions) {
        return body -> {
            assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(body.path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(body.path("error").path("message").asText()).startsWith("the body is not acceptable JSON");
            if (mentions != null) {
                assertThat(body.path("error").path("message").asText()).contains(mentions);
            }
        };
    }

    private static Consumer<JsonNode> toolError(String mentions) {
        return body -> {
            assertThat(body.path("result").path("isError").asBoolean()).as(body.toString()).isTrue();
            assertThat(body.path("result").path("content").get(0).path("text").asText()).contains(mentions)
                    .contains("Nothing was done");
        };
    }

    private static Consumer<JsonNode> oauthError() {
        return body -> {
            assertThat(body.path("error").asText()).isEqualTo("invalid_request");
            assertThat(body.path("error_description").asText()).contains("Content-Type");
        };
    }

    private static Consumer<JsonNode> registrationError(String mentions) {
        return body -> {
            assertThat(body.path("error").asText()).isIn("invalid_client_metadata", "invalid_redirect_uri");
            if (mentions != null) {
                assertThat(body.path("error_description").asText()).contains(mentions);
            }
        };
    }

    private static byte[] call(String tool, String arguments) {
        return bytes("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(before));
        out.writeBytes(raw);
        out.writeBytes(bytes(after));
        return out.toByteArray();
    }

    /** Every table's row count, by name. */
    static Map<String, Long> rowCounts() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        return faultline.database().jdbi().withHandle(handle -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : handle.createQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
                    .mapTo(String.class).list()) {
                counts.put(table, handle.createQuery("SELECT count(*) FROM \"" + table + "\"")
                        .mapTo(Long.class).one());
            }
            return counts;
        });
    }
}
