package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One keep-alive client, as MCP clients and SDKs are: a request refused before its body was read must not break
 * the next request on the same connection.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class KeepAliveConnectionsTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            ConfigOverride.config("registration.perAddress", "1000"));
    private static final String PADDING = "x".repeat(60_000);
    private static final String CLIENT = "{\"client_name\":\"c\",\"redirect_uris\":[\"http://127.0.0.1/cb\"]}";

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusals_before_the_body_is_read_leave_the_connection_usable() throws Exception {
        String client = "{\"client_name\":\"c\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"pad\":\"" + PADDING
                + "\"}";
        for (int round = 0; round < 10; round++) {
            assertThat(post("/mcp/oauth/register", "text/plain", client).statusCode()).as("round %d", round)
                    .isEqualTo(415);
            assertThat(post("/mcp/oauth/token", "application/json", client).statusCode()).as("round %d", round)
                    .isEqualTo(400);
            assertThat(post("/login", "text/plain", "email=" + PADDING).statusCode()).as("round %d", round)
                    .isEqualTo(415);
            assertThat(post("/mcp/oauth/register", "application/json", CLIENT).statusCode()).as("round %d", round)
                    .isEqualTo(201);
        }
    }

    @Test
    void mcp_requests_refused_by_a_filter_or_a_check_leave_the_connection_usable() throws Exception {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + PADDING + "\"}}";
        for (int round = 0; round < 10; round++) {
            assertThat(mcp(ping, "text/plain", null).statusCode()).as("round %d: no token", round).isEqualTo(401);
            assertThat(mcp(ping, "application/json", "http://evil.example").statusCode()).as("round %d", round)
                    .isEqualTo(403);
            assertThat(post("/mcp/oauth/register", "application/json", CLIENT).statusCode()).as("round %d", round)
                    .isEqualTo(201);
        }
    }

    private HttpResponse<String> mcp(String body, String contentType, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + "/mcp"))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_body_too_large_to_drain_closes_the_connection_and_says_so() throws Exception {
        UnsentBody.Answer huge = UnsentBody.post(APP.getLocalPort(), "/mcp/oauth/register",
                java.util.Map.of("Content-Type", "text/plain"), 3 * 1024 * 1024);

        assertThat(huge.status()).isEqualTo(415);
        assertThat(huge.header("Connection")).contains("close");
        assertThat(post("/mcp/oauth/register", "application/json", CLIENT).statusCode()).isEqualTo(201);
    }
}
