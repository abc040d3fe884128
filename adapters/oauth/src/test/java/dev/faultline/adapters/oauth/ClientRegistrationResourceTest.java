package dev.faultline.adapters.oauth;

import static dev.faultline.adapters.oauth.OAuthHttpHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientAuthMethod;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.TokenHash;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class ClientRegistrationResourceTest {
    static final OAuthHttpHarness harness = new OAuthHttpHarness();
    static final ResourceExtension resources = harness.extension(OAuthHttpHarness.generousLimits());

    private Response register(String json) {
        return resources.target("/mcp/oauth/register").request()
                .post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    private int registeredClients() {
        return harness.registrations.get();
    }

    @Test
    void dcr_returns_201_with_client_id_issued_at_and_echoed_metadata_for_a_public_client() {
        Response response = register("""
                {"client_name":"Claude Code","redirect_uris":["http://127.0.0.1/callback","com.example.app:/cb"],
                 "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
                 "token_endpoint_auth_method":"none","scope":"mcp:read mcp:write","application_type":"native",
                 "client_uri":"https://claude.example","logo_uri":"https://claude.example/logo.png",
                 "software_id":"ignored-unknown-field"}""");

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> client = body(response);
        assertThat(client).doesNotContainKeys("client_secret", "client_secret_expires_at", "software_id")
                .containsEntry("client_id_issued_at", (int) harness.clock.instant().getEpochSecond())
                .containsEntry("client_name", "Claude Code")
                .containsEntry("redirect_uris", List.of("http://127.0.0.1/callback", "com.example.app:/cb"))
                .containsEntry("grant_types", List.of("authorization_code", "refresh_token"))
                .containsEntry("response_types", List.of("code"))
                .containsEntry("token_endpoint_auth_method", "none")
                .containsEntry("scope", "mcp:read mcp:write")
                .containsEntry("client_uri", "https://claude.example")
                .containsEntry("logo_uri", "https://claude.example/logo.png")
                .containsEntry("application_type", "native");
        Client stored = harness.clients.findById(new ClientId((String) client.get("client_id"))).orElseThrow();
        assertThat(stored.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(stored.secretHash()).isEmpty();
    }

    @Test
    void dcr_registers_cursors_private_use_uri_and_drops_what_it_does_not_offer_saying_so() {
        Response response = register("""
                {"client_name":"Cursor","redirect_uris":["cursor://anysphere.cursor-mcp/oauth/callback",
                 "https://www.cursor.com/agents/mcp/oauth/callback","http://localhost:8787/callback"],
                 "grant_types":["authorization_code","refresh_token","urn:ietf:params:oauth:grant-type:device_code"],
                 "response_types":["code"],"token_endpoint_auth_method":"none",
                 "scope":"openid profile mcp:read offline_access","software_id":"x","software_version":"1.0",
                 "contacts":["a@example.com"],"tos_uri":"https://a.example/tos","policy_uri":"https://a.example/p",
                 "jwks":null}""");

        assertThat(response.getStatus()).isEqualTo(201);
        Map<String, Object> client = body(response);
        assertThat(client).containsEntry("redirect_uris", List.of("cursor://anysphere.cursor-mcp/oauth/callback",
                        "https://www.cursor.com/agents/mcp/oauth/callback", "http://localhost:8787/callback"))
                .containsEntry("grant_types", List.of("authorization_code", "refresh_token"))
                .containsEntry("scope", "mcp:read");
        assertThat(body(register("{\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":\"openid profile\"}")))
                .as("nothing known left: the default").containsEntry("scope", "mcp:read mcp:write");
        assertThat(body(register("{\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":null}")))
                .containsEntry("scope", "mcp:read mcp:write");
    }

    @Test
    void dcr_one_dangerous_redirect_uri_among_good_ones_is_invalid_redirect_uri_naming_it_and_stores_nothing() {
        int before = registeredClients();
        Response response = register("""
                {"redirect_uris":["cursor://anysphere.cursor-mcp/oauth/callback","data:text/html,x",
                 "http://localhost:8787/callback"]}""");

        assertThat(response.getStatus()).isEqualTo(400);
        Map<String, Object> error = body(response);
        assertThat(error).containsEntry("error", "invalid_redirect_uri");
        assertThat((String) error.get("error_description")).contains("\"data:\" is not allowed")
                .doesNotContain("cursor://");
        assertThat(registeredClients()).isEqualTo(before);
    }

    @Test
    void dcr_confidential_client_gets_its_secret_once_with_expires_at_0_and_only_its_hash_is_stored() {
        Response response = register("""
                {"client_name":"Web Agent","redirect_uris":["https://agent.example/cb"],
                 "token_endpoint_auth_method":"client_secret_post"}""");

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("Pragma")).isEqualTo("no-cache");
        Map<String, Object> client = body(response);
        String secret = (String) client.get("client_secret");
        assertThat(secret).startsWith("flt_cs_");
        assertThat(client).containsEntry("client_secret_expires_at", 0)
                .containsEntry("token_endpoint_auth_method", "client_secret_post")
                .containsEntry("grant_types", List.of("authorization_code"))
                .containsEntry("scope", "mcp:read mcp:write")
                .containsEntry("application_type", "web");
        Client stored = harness.clients.findById(new ClientId((String) client.get("client_id"))).orElseThrow();
        assertThat(stored.secretHash()).hasValueSatisfying(hash ->
                assertThat(hash.matches(TokenHash.of(secret))).isTrue());
        assertThat(stored.toString()).doesNotContain(secret);
    }

    @Test
    void dcr_without_token_endpoint_auth_method_registers_client_secret_basic_per_rfc7591() {
        Map<String, Object> client = body(register("{\"redirect_uris\":[\"https://agent.example/cb\"]}"));

        assertThat(client).containsEntry("token_endpoint_auth_method", "client_secret_basic")
                .containsKey("client_secret").containsEntry("client_name", "Unnamed client");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"redirect_uris\":[\"http://evil.example/cb\"],\"token_endpoint_auth_method\":\"none\"}",
            "{\"redirect_uris\":[\"https://agent.example/cb#frag\"],\"token_endpoint_auth_method\":\"none\"}",
            "{\"redirect_uris\":[\"javascript:alert(1)\"],\"token_endpoint_auth_method\":\"none\"}",
            "{\"redirect_uris\":[],\"token_endpoint_auth_method\":\"none\"}",
            "{\"token_endpoint_auth_method\":\"none\"}"})
    void dcr_invalid_redirect_uri_http_non_loopback_fragment_scheme_or_none_is_refused_and_stores_nothing(
            String json) {
        int before = registeredClients();

        Response response = register(json);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> error = body(response);
        assertThat(error).containsEntry("error", "invalid_redirect_uri").containsKey("error_description");
        assertThat(registeredClients()).isEqualTo(before);
    }

    @Test
    void dcr_redirect_uri_error_names_the_offending_uri() {
        Map<String, Object> error = body(register("{\"redirect_uris\":[\"http://evil.example/cb\"]}"));

        assertThat((String) error.get("error_description")).contains("http://evil.example/cb").contains("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"client_credentials\"]}",
            "{\"redirect_uris\":[\"https://a.example/cb\"],\"response_types\":[\"token\"]}",
            "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}",
            "{\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":\"admin\\u0007\"}",
            "{\"redirect_uris\":[\"https://a.example/cb\"],\"logo_uri\":\"http://a.example/logo.png\"}",
            "{\"redirect_uris\":[\"https://a.example/cb\"],\"application_type\":\"desktop\"}"})
    void dcr_invalid_client_metadata_for_unsupported_values_and_stores_nothing(String json) {
        int before = registeredClients();

        Response response = register(json);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response)).containsEntry("error", "invalid_client_metadata").containsKey("error_description");
        assertThat(registeredClients()).isEqualTo(before);
    }

    @Test
    void dcr_malformed_json_is_invalid_client_metadata_with_a_json_error_body() {
        Response response = register("{\"redirect_uris\": [\"https://a.example/cb\"");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        Map<String, Object> error = body(response);
        assertThat(error).containsEntry("error", "invalid_client_metadata");
        assertThat((String) error.get("error_description")).startsWith("request body is not acceptable JSON");
    }

    @Test
    void dcr_a_json_array_body_is_invalid_client_metadata() {
        Map<String, Object> error = body(register("[{\"redirect_uris\":[\"https://a.example/cb\"]}]"));

        assertThat(error).containsEntry("error", "invalid_client_metadata")
                .containsEntry("error_description", "request body must be a JSON object of client metadata, was an array");
    }

    @Test
    void dcr_empty_body_is_invalid_client_metadata() {
        Map<String, Object> error = body(register(""));

        assertThat(error).containsEntry("error", "invalid_client_metadata");
        assertThat((String) error.get("error_description")).contains("empty");
    }

    @Test
    void dcr_redirect_uris_as_a_string_is_invalid_client_metadata_naming_the_field() {
        Map<String, Object> error = body(register("{\"redirect_uris\":\"https://a.example/cb\"}"));

        assertThat(error).containsEntry("error", "invalid_client_metadata")
                .containsEntry("error_description", "redirect_uris must be an array of strings, was a string");
    }

    @Test
    void dcr_a_non_string_array_element_is_invalid_client_metadata_naming_its_index() {
        Map<String, Object> error = body(register("{\"redirect_uris\":[\"https://a.example/cb\", 7]}"));

        assertThat(error).containsEntry("error_description", "redirect_uris[1] must be a string, was a number");
    }

    @Test
    void dcr_client_name_as_an_object_is_invalid_client_metadata() {
        Map<String, Object> error = body(register(
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":{\"en\":\"x\"}}"));

        assertThat(error).containsEntry("error_description", "client_name must be a string, was an object");
    }

    @Test
    void dcr_a_duplicated_member_is_invalid_client_metadata() {
        Map<String, Object> error = body(register(
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"redirect_uris\":[\"https://b.example/cb\"]}"));

        assertThat(error).containsEntry("error", "invalid_client_metadata");
        assertThat((String) error.get("error_description")).contains("redirect_uris");
    }

    @Test
    void dcr_trailing_content_after_the_object_is_invalid_client_metadata() {
        Map<String, Object> error = body(register("{\"redirect_uris\":[\"https://a.example/cb\"]} {}"));

        assertThat(error).containsEntry("error", "invalid_client_metadata");
    }

    @Test
    void dcr_wrong_content_type_is_415_with_an_rfc_style_body() {
        int before = registeredClients();

        Response response = resources.target("/mcp/oauth/register").request()
                .post(Entity.entity("redirect_uris=https://a.example/cb", MediaType.APPLICATION_FORM_URLENCODED_TYPE));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(body(response)).containsEntry("error", "invalid_request").containsEntry("error_description",
                "Content-Type must be application/json, was \"application/x-www-form-urlencoded\"");
        assertThat(registeredClients()).isEqualTo(before);
    }

    @Test
    void dcr_request_larger_than_the_size_limit_is_413_with_a_json_error() {
        int before = registeredClients();
        String json = "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":\"" + "x".repeat(17 * 1024) + "\"}";

        Response response = register(json);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(body(response)).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "request body exceeds 16384 bytes");
        assertThat(registeredClients()).isEqualTo(before);
    }

    @Test
    void dcr_wrong_method_gets_an_rfc_style_error_not_the_framework_shape() {
        Response response = resources.target("/mcp/oauth/register").request().get();

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(body(response)).containsEntry("error", "invalid_request").doesNotContainKeys("code", "message");
    }
}
