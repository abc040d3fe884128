package dev.faultline.bootstrap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code ingest.port} set, ingestion has a connector of its own that serves nothing else, and the main
 * connector stops serving it: the two surfaces can be bound to different addresses.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IngestOnItsOwnPortTest {
    static final int INGEST_PORT = TestFaultline.freePort();
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            ConfigOverride.config("ingest.port", Integer.toString(INGEST_PORT)));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}\n")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_ingest_port_answers_ingest_requests_and_nothing_else() throws Exception {
        HttpResponse<String> ingest = post(INGEST_PORT, "/api/1/envelope/?sentry_key=" + "a".repeat(32));
        assertThat(ingest.statusCode()).as("a real ingest answer: the key is unknown").isEqualTo(403);
        assertThat(ingest.headers().firstValue("X-Sentry-Error")).isPresent();

        assertThat(post(INGEST_PORT, "/mcp").statusCode()).isEqualTo(404);
        assertThat(post(INGEST_PORT, "/mcp/oauth/token").statusCode()).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + INGEST_PORT + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_main_port_no_longer_serves_ingestion_but_everything_else() throws Exception {
        HttpResponse<String> ingest = post(APP.getLocalPort(), "/api/1/envelope/?sentry_key=" + "a".repeat(32));
        assertThat(ingest.statusCode()).isEqualTo(404);
        assertThat(ingest.headers().firstValue("X-Sentry-Error")).isEmpty();

        assertThat(post(APP.getLocalPort(), "/mcp").statusCode()).as("the MCP endpoint, unauthenticated")
                .isEqualTo(401);
    }
}
