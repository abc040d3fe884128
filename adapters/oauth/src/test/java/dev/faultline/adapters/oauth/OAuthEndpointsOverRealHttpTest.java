package dev.faultline.adapters.oauth;

import dev.faultline.application.access.ThrottleRegistrationsService;
import static dev.faultline.adapters.oauth.OAuthHttpHarness.LOOPBACK;
import static dev.faultline.adapters.oauth.OAuthHttpHarness.VERIFIER;
import static dev.faultline.adapters.oauth.OAuthHttpHarness.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.RegisterClient;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The endpoints on a real Jetty with Dropwizard's own exception mappers: form bodies reach the resources
 * unconsumed, framework errors (405, a use case that blows up) keep the RFC error shape.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OAuthEndpointsOverRealHttpTest {
    static final OAuthHttpHarness harness = new OAuthHttpHarness();
    static final DropwizardClientExtension app = new DropwizardClientExtension(
            new AuthorizationServerMetadataResource(harness.policy.issuer()),
            new ClientRegistrationResource(harness.register, new ThrottleRegistrationsService(
                    OAuthHttpHarness.generousLimits(), OAuthHttpHarness.REGISTRATION_WINDOW, harness.clock),
                    RegistrationLimits.defaults()),
            new TokenResource(harness.exchange, command -> {
                throw new IllegalStateException("refresh store unavailable");
            }),
            new RevocationResource(harness.revoke),
            new OAuthErrorResponseFilter());

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUri() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void code_exchange_and_revocation_over_real_http() throws Exception {
        RegisterClient.Outcome.Registered client = harness.registerClient("none", LOOPBACK);
        String id = client.client().id().value();
        String code = harness.codeFor(id, LOOPBACK, null);

        HttpResponse<String> token = postForm(TokenResource.PATH, "grant_type=authorization_code&code=" + enc(code)
                + "&redirect_uri=" + enc(LOOPBACK) + "&code_verifier=" + VERIFIER + "&client_id=" + id);

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(token.headers().firstValue("Pragma")).contains("no-cache");
        Map<String, Object> tokens = parse(token.body());
        HttpResponse<String> revoked = postForm(RevocationResource.PATH,
                "token=" + enc((String) tokens.get("refresh_token")) + "&client_id=" + id);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(harness.isRevoked(harness.chainOf((String) tokens.get("access_token")))).isTrue();
    }

    @Test
    void an_unexpected_failure_is_a_500_server_error_in_rfc_shape_with_no_store() throws Exception {
        HttpResponse<String> response = postForm(TokenResource.PATH,
                "grant_type=refresh_token&refresh_token=flt_rt_x&client_id=some-client");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        Map<String, Object> error = parse(response.body());
        assertThat(error).containsEntry("error", "server_error").doesNotContainKeys("code", "message");
        assertThat((String) error.get("error_description")).doesNotContain("refresh store unavailable");
    }

    @Test
    void wrong_method_on_the_token_endpoint_is_405_in_rfc_shape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(app.baseUri() + TokenResource.PATH)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(parse(response.body())).containsEntry("error", "invalid_request");
    }

    @Test
    void metadata_over_real_http_is_json_and_cors_open() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(app.baseUri() + AuthorizationServerMetadataResource.PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(parse(response.body())).containsEntry("issuer", OAuthHttpHarness.ISSUER);
    }

    @Test
    void registration_over_real_http_returns_201_with_no_store() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(app.baseUri() + ClientRegistrationResource.PATH))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"redirect_uris\":[\"http://localhost/cb\"],\"token_endpoint_auth_method\":\"none\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(parse(response.body())).containsKey("client_id");
    }
}
