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

/** tokenEndpoint.maxFormSize at its edge, on the running server: at the limit the form is read, one byte more is not. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TokenFormLimitTest {
    private static final int LIMIT = 2048;
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            ConfigOverride.config("tokenEndpoint.maxFormSize", LIMIT + "B"));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_form_at_the_limit_is_read_and_one_byte_more_is_413() throws Exception {
        for (String path : new String[] {"/mcp/oauth/token", "/mcp/oauth/revoke"}) {
            String prefix = "grant_type=refresh_token&client_id=c&token=t&refresh_token=";
            String atLimit = prefix + "r".repeat(LIMIT - prefix.length());

            HttpResponse<String> read = post(path, atLimit);
            HttpResponse<String> tooLarge = post(path, atLimit + "r");

            assertThat(read.statusCode()).as(path).isIn(200, 400, 401);
            assertThat(read.body()).as(path).doesNotContain("exceeds");
            assertThat(tooLarge.statusCode()).as(path).isEqualTo(413);
            assertThat(tooLarge.body()).as(path).contains("\"error\":\"invalid_request\"").contains(String.valueOf(LIMIT));
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
