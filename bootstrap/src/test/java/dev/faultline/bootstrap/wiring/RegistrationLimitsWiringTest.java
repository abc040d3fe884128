package dev.faultline.bootstrap.wiring;

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

/** The registration limits of config.yml reach the running endpoint. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegistrationLimitsWiringTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            ConfigOverride.config("registration.perAddress", "2"),
            ConfigOverride.config("registration.maxBodySize", "1KiB"));

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> register(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + "/mcp/oauth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_configured_body_size_and_per_address_limit_apply() throws Exception {
        String client = "{\"client_name\":\"c\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                + "\"token_endpoint_auth_method\":\"none\"}";
        String padded = "{\"client_name\":\"" + "x".repeat(1100) + "\",\"redirect_uris\":[\"http://127.0.0.1/cb\"]}";

        assertThat(register(padded).statusCode()).isEqualTo(413);
        assertThat(register(client).statusCode()).as("the refused attempt counted too").isEqualTo(201);
        assertThat(register(client).statusCode()).isEqualTo(429);
    }
}
