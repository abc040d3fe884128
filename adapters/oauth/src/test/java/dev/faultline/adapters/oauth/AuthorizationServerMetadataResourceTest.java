package dev.faultline.adapters.oauth;

import static dev.faultline.adapters.oauth.OAuthHttpHarness.ISSUER;
import static dev.faultline.adapters.oauth.OAuthHttpHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.AccessPolicy;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AuthorizationServerMetadataResourceTest {
    static final OAuthHttpHarness harness = new OAuthHttpHarness();
    static final ResourceExtension resources = harness.extension(OAuthHttpHarness.generousLimits());

    @Test
    void rfc8414_metadata_at_well_known_with_issuer_exactly_the_configured_issuer_and_every_endpoint() {
        Response response = resources.target("/.well-known/oauth-authorization-server").request().get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        Map<String, Object> metadata = body(response);
        assertThat(metadata.get("issuer")).isEqualTo(ISSUER).asString().doesNotEndWith("/");
        assertThat(metadata).containsEntry("authorization_endpoint", ISSUER + "/mcp/oauth/authorize")
                .containsEntry("token_endpoint", ISSUER + "/mcp/oauth/token")
                .containsEntry("registration_endpoint", ISSUER + "/mcp/oauth/register")
                .containsEntry("revocation_endpoint", ISSUER + "/mcp/oauth/revoke")
                .containsEntry("jwks_uri", ISSUER + "/mcp/oauth/jwks")
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("grant_types_supported", List.of("authorization_code", "refresh_token"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("token_endpoint_auth_methods_supported",
                        List.of("none", "client_secret_post", "client_secret_basic"))
                .containsEntry("revocation_endpoint_auth_methods_supported",
                        List.of("none", "client_secret_post", "client_secret_basic"))
                .containsEntry("scopes_supported", List.of("mcp:read", "mcp:write"))
                .containsEntry("authorization_response_iss_parameter_supported", true)
                .doesNotContainKey("service_documentation");
    }

    @Test
    void metadata_is_cors_open_and_briefly_cacheable() {
        Response response = resources.target("/.well-known/oauth-authorization-server").request().get();

        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("public, max-age=300");
    }

    @Test
    void metadata_answers_a_cors_preflight() {
        Response response = resources.target("/.well-known/oauth-authorization-server").request()
                .header("Origin", "https://inspector.example")
                .header("Access-Control-Request-Method", "GET")
                .options();

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void issuer_with_a_path_prefixes_every_endpoint_and_service_documentation_is_optional() {
        AuthorizationServerMetadataResource resource = new AuthorizationServerMetadataResource(
                AccessPolicy.defaults("https://example.org/faultline").issuer(), Optional.of("https://example.org/docs"));

        Map<String, Object> metadata = OAuthHttpHarness.parse((String) resource.metadata().getEntity());

        assertThat(metadata).containsEntry("issuer", "https://example.org/faultline")
                .containsEntry("token_endpoint", "https://example.org/faultline/mcp/oauth/token")
                .containsEntry("service_documentation", "https://example.org/docs");
    }

    @Test
    void no_openid_configuration_is_served_because_no_id_token_is_issued() {
        Response response = resources.target("/.well-known/openid-configuration").request().get();

        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void jwks_serves_the_published_public_keys_cors_open() {
        Response response = resources.target("/mcp/oauth/jwks").request().get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).isEqualTo("application/jwk-set+json");
        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(body(response)).isEqualTo(harness.publishKeys.jwks());
    }
}
