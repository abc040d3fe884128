package dev.faultline.adapters.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A browser-based MCP client can register, exchange, refresh and revoke with fetch, and read every error. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserClientCorsTest {
    static final OAuthHttpHarness harness = new OAuthHttpHarness();
    static final ResourceExtension resources = harness.extension(OAuthHttpHarness.generousLimits());

    @ParameterizedTest
    @ValueSource(strings = {"/mcp/oauth/register", "/mcp/oauth/token", "/mcp/oauth/revoke"})
    void a_preflight_allows_a_post_with_json_or_form_and_an_authorization_header_from_any_origin(String path) {
        Response response = resources.target(path).request()
                .header("Origin", "http://localhost:6274")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization")
                .options();

        assertThat(response.getStatus()).isBetween(200, 204);
        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getHeaderString("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.getHeaderString("Access-Control-Allow-Headers")).contains("Authorization")
                .contains("Content-Type");
        assertThat(response.getHeaderString("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void an_oauth_error_and_its_challenge_are_readable_cross_origin() {
        Response response = resources.target("/mcp/oauth/token").request()
                .header("Origin", "http://localhost:6274")
                .header("Authorization", "Basic bm9ib2R5Ondyb25n")
                .post(Entity.form(new Form().param("grant_type", "refresh_token").param("refresh_token", "x")));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getHeaderString("Access-Control-Expose-Headers")).isEqualTo("WWW-Authenticate");
    }

    @Test
    void only_the_three_client_endpoints_get_these_headers() {
        Response jwks = resources.target("/mcp/oauth/jwks").request().get();

        assertThat(jwks.getHeaderString("Access-Control-Expose-Headers")).isNull();
    }
}
