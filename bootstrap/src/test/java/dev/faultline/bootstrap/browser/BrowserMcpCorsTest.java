package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CORS on {@code /mcp} for a browser-based MCP client on an allowed origin ({@code allowedOrigins}), over real
 * HTTP and in a real Chromium: a page served from that origin (a tiny local server on another port) calls
 * {@code /mcp} with {@code fetch} and a bearer token, and reads the result and, of a 401, the
 * {@code WWW-Authenticate} challenge. A disallowed origin keeps its 403 and gets no CORS header.
 */
@ExtendWith(RealBrowserExtension.class)
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserMcpCorsTest {
    private static final HttpServer WEB_APP = webApp();
    private static final String WEB_ORIGIN = "http://127.0.0.1:" + WEB_APP.getAddress().getPort();
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            ConfigOverride.config("allowedOrigins", WEB_ORIGIN));
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},\
            "clientInfo":{"name":"cors-test","version":"1"}}}""";
    private static String token;

    private final RealBrowser browser;
    private final HttpClient http = HttpClient.newHttpClient();

    BrowserMcpCorsTest(RealBrowser browser) {
        this.browser = browser;
    }

    @BeforeAll
    static void aPersonalToken() {
        var faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of("cors@example.com", "Cory", "correct horse battery"))).userId();
        token = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "web", "mcp:read", null)).token();
    }

    @AfterAll
    static void stopWebApp() {
        WEB_APP.stop(0);
    }

    private static String mcp() {
        return APP.getConfiguration().getPublicBaseUrl() + "/mcp";
    }

    @Test
    void a_preflight_from_an_allowed_origin_allows_post_with_the_mcp_headers_and_no_credentials() throws Exception {
        for (String path : List.of(mcp(), mcp() + "/flt_pat_unknown")) {
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", WEB_ORIGIN).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type,mcp-protocol-version"));

            assertThat(preflight.statusCode()).as(path).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(WEB_ORIGIN);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("POST");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("Authorization,"
                    + " Content-Type, Accept, MCP-Protocol-Version, Mcp-Method, Mcp-Name, Mcp-Session-Id, Last-Event-ID");
            assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).contains("600");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(preflight.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));
        }
    }

    @Test
    void every_answer_to_an_allowed_origin_carries_cors_errors_included() throws Exception {
        Map<String, HttpResponse<String>> answers = Map.of(
                "200", post(mcp(), WEB_ORIGIN, token, INITIALIZE, "application/json"),
                "401", post(mcp(), WEB_ORIGIN, null, INITIALIZE, "application/json"),
                "415", post(mcp(), WEB_ORIGIN, token, INITIALIZE, "text/plain"));

        assertThat(answers.get("200").statusCode()).isEqualTo(200);
        assertThat(answers.get("401").statusCode()).isEqualTo(401);
        assertThat(answers.get("415").statusCode()).isEqualTo(415);
        answers.forEach((status, answer) -> {
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(status).contains(WEB_ORIGIN);
            assertThat(answer.headers().firstValue("Access-Control-Expose-Headers")).as(status)
                    .contains("WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version, Retry-After");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).as(status).isEmpty();
        });
    }

    @Test
    void a_disallowed_origin_keeps_its_403_and_gets_no_cors_header() throws Exception {
        HttpResponse<String> refused = post(mcp(), "https://evil.example", token, INITIALIZE, "application/json");
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(mcp()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));

        for (HttpResponse<String> answer : List.of(refused, preflight)) {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().map().keySet())
                    .noneSatisfy(name -> assertThat(name.toLowerCase()).startsWith("access-control-"));
        }
    }

    @Test
    void a_preflight_is_204_without_a_body_with_cors_headers_for_an_allowed_origin_only() throws Exception {
        for (String path : List.of(mcp(), mcp() + "/flt_pat_unknown")) {
            HttpResponse<String> allowed = preflight(path, WEB_ORIGIN);
            HttpResponse<String> noOrigin = preflight(path, null);
            HttpResponse<String> disallowed = preflight(path, "https://evil.example");

            for (HttpResponse<String> answer : List.of(allowed, noOrigin)) {
                assertThat(answer.statusCode()).as(path).isEqualTo(204);
                assertThat(answer.body()).as(path).isEmpty();
                assertThat(answer.headers().firstValue("Allow")).as(path).isEmpty();
                assertThat(answer.headers().firstValue("Content-Type")).as(path).isEmpty();
                assertThat(answer.headers().allValues("Vary")).as(path).containsExactly("Origin");
            }
            assertThat(accessControlHeaders(allowed)).as(path).containsExactly(
                    "access-control-allow-headers", "access-control-allow-methods", "access-control-allow-origin",
                    "access-control-expose-headers", "access-control-max-age");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).contains("POST");
            assertThat(accessControlHeaders(noOrigin)).as(path).isEmpty();
            assertThat(disallowed.statusCode()).as(path).isEqualTo(403);
            assertThat(disallowed.body()).contains("requests from origin https://evil.example are not allowed");
            assertThat(accessControlHeaders(disallowed)).as(path).isEmpty();
        }
    }

    private HttpResponse<String> preflight(String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "*/*").header("Access-Control-Request-Method", "POST");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private static List<String> accessControlHeaders(HttpResponse<String> answer) {
        return answer.headers().map().keySet().stream().map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .filter(name -> name.startsWith("access-control-")).sorted().toList();
    }

    @Test
    void a_page_on_the_allowed_origin_calls_mcp_with_fetch_and_reads_the_result_and_a_401_challenge() {
        browser.open(WEB_ORIGIN + "/");
        browser.waitFor("h1");

        Object result = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const [url, token, body] = [arguments[0], arguments[1], arguments[2]];
                const call = (auth) => fetch(url, { method: 'POST', body, headers: Object.assign(
                    { 'Content-Type': 'application/json', 'Accept': 'application/json, text/event-stream' },
                    auth ? { 'Authorization': 'Bearer ' + auth } : {}) });
                (async () => {
                  const ok = await call(token);
                  const okText = await ok.text();
                  const denied = await call(null);
                  done({ okStatus: ok.status, okBody: okText, deniedStatus: denied.status,
                         challenge: denied.headers.get('WWW-Authenticate') });
                })().catch((e) => done({ error: String(e) }));
                """, mcp(), token, INITIALIZE);

        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) result;
        assertThat(seen).doesNotContainKey("error");
        assertThat(seen.get("okStatus")).isEqualTo(200L);
        assertThat((String) seen.get("okBody")).contains("\"protocolVersion\"");
        assertThat(seen.get("deniedStatus")).isEqualTo(401L);
        assertThat((String) seen.get("challenge")).startsWith("Bearer resource_metadata=");
    }

    private HttpResponse<String> post(String url, String origin, String bearer, String body, String type)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Origin", origin)
                .header("Content-Type", type).header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A tiny web app on its own origin: one page the browser opens, from which it calls Faultline. */
    private static HttpServer webApp() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] page = "<!DOCTYPE html><html lang=\"en\"><title>Web MCP client</title><h1>Web MCP client</h1></html>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
