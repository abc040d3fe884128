package dev.faultline.adapters.oauth;

import dev.faultline.application.access.ThrottleRegistrationsService;
import static dev.faultline.adapters.oauth.OAuthHttpHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-address registration limit. The in-memory container has no remote address (all requests share one
 * bucket); the address-specific cases run on a real Jetty through DropwizardClientExtension.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientRegistrationRateLimitTest {
    static final String VALID = "{\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"token_endpoint_auth_method\":\"none\"}";
    static final Duration WINDOW = Duration.ofMinutes(10);

    static final OAuthHttpHarness harness = new OAuthHttpHarness();
    static final ResourceExtension resources = harness.extension(3);

    static final OAuthHttpHarness direct = new OAuthHttpHarness();
    static final DropwizardClientExtension remoteAddress = new DropwizardClientExtension(
            new ClientRegistrationResource(direct.register,
                    new ThrottleRegistrationsService(2, WINDOW, direct.clock), new RegistrationLimits(16 * 1024, false)));

    static final OAuthHttpHarness proxied = new OAuthHttpHarness();
    static final DropwizardClientExtension behindProxy = new DropwizardClientExtension(
            new ClientRegistrationResource(proxied.register,
                    new ThrottleRegistrationsService(2, WINDOW, proxied.clock), new RegistrationLimits(16 * 1024, true)));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dcr_rate_limit_per_address_excess_gets_429_with_retry_after_and_a_json_error_until_the_window_passes() {
        for (int i = 0; i < 3; i++) {
            assertThat(register().getStatus()).isEqualTo(201);
        }
        int stored = harness.registrations.get();

        harness.clock.advance(Duration.ofMinutes(4));
        Response limited = register();

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString("Retry-After")).isEqualTo(String.valueOf(Duration.ofMinutes(6).toSeconds()));
        assertThat(body(limited)).containsEntry("error", "temporarily_unavailable").containsKey("error_description");
        assertThat(harness.registrations.get()).isEqualTo(stored);

        harness.clock.advance(Duration.ofMinutes(6));
        assertThat(register().getStatus()).isEqualTo(201);
    }

    @Test
    void dcr_rate_limit_counts_the_servlet_remote_address_and_ignores_x_forwarded_for_unless_trusted()
            throws Exception {
        URI uri = URI.create(remoteAddress.baseUri() + ClientRegistrationResource.PATH);

        assertThat(post(uri, "10.0.0.1").statusCode()).isEqualTo(201);
        assertThat(post(uri, "10.0.0.2").statusCode()).isEqualTo(201);
        HttpResponse<String> limited = post(uri, "10.0.0.3");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void dcr_rate_limit_behind_a_trusted_proxy_counts_the_last_forwarded_address() throws Exception {
        URI uri = URI.create(behindProxy.baseUri() + ClientRegistrationResource.PATH);

        assertThat(post(uri, "203.0.113.9, 10.0.0.1").statusCode()).isEqualTo(201);
        assertThat(post(uri, "198.51.100.7, 10.0.0.1").statusCode()).isEqualTo(201);
        assertThat(post(uri, "10.0.0.1").statusCode()).isEqualTo(429);
        assertThat(post(uri, "10.0.0.2").statusCode()).isEqualTo(201);
    }

    private Response register() {
        return resources.target("/mcp/oauth/register").request()
                .post(Entity.entity(VALID, MediaType.APPLICATION_JSON_TYPE));
    }

    private HttpResponse<String> post(URI uri, String forwardedFor) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(VALID)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
