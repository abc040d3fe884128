package dev.faultline.adapters.oauth;

import static dev.faultline.adapters.oauth.OAuthHttpHarness.LOOPBACK;
import static dev.faultline.adapters.oauth.OAuthHttpHarness.RESOURCE;
import static dev.faultline.adapters.oauth.OAuthHttpHarness.VERIFIER;
import static dev.faultline.adapters.oauth.OAuthHttpHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.domain.access.ChainId;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class TokenResourceTest {
    static final OAuthHttpHarness harness = new OAuthHttpHarness();
    static final ResourceExtension resources = harness.extension(OAuthHttpHarness.generousLimits());

    private final String publicClient = harness.registerClient("none", LOOPBACK).client().id().value();

    private Response token(Form form) {
        return resources.target("/mcp/oauth/token").request().post(Entity.form(form));
    }

    private Response token(Form form, String authorization) {
        return resources.target("/mcp/oauth/token").request().header("Authorization", authorization)
                .post(Entity.form(form));
    }

    private static Form codeGrant(String clientId, String code, String redirectUri, String verifier) {
        Form form = new Form().param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", redirectUri);
        if (verifier != null) {
            form.param("code_verifier", verifier);
        }
        if (clientId != null) {
            form.param("client_id", clientId);
        }
        return form;
    }

    private static Form refreshGrant(String clientId, String refreshToken) {
        return new Form().param("grant_type", "refresh_token").param("refresh_token", refreshToken)
                .param("client_id", clientId);
    }

    private Map<String, Object> tokensFor(String clientId, String scope) {
        Response response = token(codeGrant(clientId, harness.codeFor(clientId, LOOPBACK, scope), LOOPBACK, VERIFIER));
        assertThat(response.getStatus()).isEqualTo(200);
        return body(response);
    }

    private static void assertNoStore(Response response) {
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("Pragma")).isEqualTo("no-cache");
    }

    private static Map<String, Object> assertError(Response response, int status, String error) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        assertNoStore(response);
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("error", error);
        assertThat((String) body.get("error_description")).isNotBlank();
        return body;
    }

    private static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void token_response_has_access_token_bearer_expires_in_refresh_token_scope_and_no_store_pragma_no_cache() {
        String code = harness.codeFor(publicClient, LOOPBACK, "mcp:read mcp:write");

        Response response = token(codeGrant(publicClient, code, LOOPBACK, VERIFIER).param("resource", RESOURCE));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        assertNoStore(response);
        Map<String, Object> tokens = body(response);
        assertThat(tokens).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token", "scope")
                .containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600)
                .containsEntry("scope", "mcp:read mcp:write");
        String accessToken = (String) tokens.get("access_token");
        assertThat(harness.codec.claimsOf(accessToken).audience().uri()).isEqualTo(RESOURCE);
        assertThat((String) tokens.get("refresh_token")).startsWith("flt_rt_");
    }

    @Test
    void redirect_uri_loopback_port_variance_is_accepted_when_the_same_uri_is_sent_to_the_token_endpoint() {
        String withPort = "http://127.0.0.1:49152/callback";
        String code = harness.codeFor(publicClient, withPort, null);

        Response response = token(codeGrant(publicClient, code, withPort, VERIFIER));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response)).containsEntry("scope", "mcp:read");
    }

    @Test
    void pkce_wrong_code_verifier_is_invalid_grant() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);

        assertError(token(codeGrant(publicClient, code, LOOPBACK, "x".repeat(43))), 400, "invalid_grant");
    }

    @Test
    void pkce_missing_code_verifier_is_invalid_request() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);

        Map<String, Object> error = assertError(token(codeGrant(publicClient, code, LOOPBACK, null)), 400,
                "invalid_request");
        assertThat((String) error.get("error_description")).contains("code_verifier");
    }

    @Test
    void pkce_too_short_code_verifier_is_invalid_grant() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);

        assertError(token(codeGrant(publicClient, code, LOOPBACK, "short")), 400, "invalid_grant");
    }

    @Test
    void redirect_uri_mismatch_at_the_token_endpoint_is_invalid_grant() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);

        assertError(token(codeGrant(publicClient, code, "http://127.0.0.1/other", VERIFIER)), 400, "invalid_grant");
    }

    @Test
    void resource_foreign_at_the_token_endpoint_is_invalid_target() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);

        Map<String, Object> error = assertError(token(codeGrant(publicClient, code, LOOPBACK, VERIFIER)
                .param("resource", "https://evil.example/mcp")), 400, "invalid_target");
        assertThat((String) error.get("error_description")).contains(RESOURCE);
    }

    @Test
    void code_expired_after_60_seconds_is_invalid_grant() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);
        harness.clock.advance(Duration.ofSeconds(61));

        assertError(token(codeGrant(publicClient, code, LOOPBACK, VERIFIER)), 400, "invalid_grant");
    }

    @Test
    void code_replay_is_invalid_grant_and_revokes_the_chain_of_the_first_access_token() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);
        Response first = token(codeGrant(publicClient, code, LOOPBACK, VERIFIER));
        assertThat(first.getStatus()).isEqualTo(200);
        Map<String, Object> tokens = body(first);
        ChainId chain = harness.chainOf((String) tokens.get("access_token"));
        assertThat(harness.isRevoked(chain)).isFalse();

        assertError(token(codeGrant(publicClient, code, LOOPBACK, VERIFIER)), 400, "invalid_grant");

        assertThat(harness.isRevoked(chain)).isTrue();
        assertError(token(refreshGrant(publicClient, (String) tokens.get("refresh_token"))), 400, "invalid_grant");
    }

    @Test
    void code_of_another_client_is_invalid_grant() {
        String other = harness.registerClient("none", LOOPBACK).client().id().value();
        String code = harness.codeFor(other, LOOPBACK, null);

        assertError(token(codeGrant(publicClient, code, LOOPBACK, VERIFIER)), 400, "invalid_grant");
    }

    @Test
    void refresh_rotates_the_refresh_token_every_time() {
        Map<String, Object> first = tokensFor(publicClient, null);

        Response response = token(refreshGrant(publicClient, (String) first.get("refresh_token")));

        assertThat(response.getStatus()).isEqualTo(200);
        assertNoStore(response);
        Map<String, Object> second = body(response);
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertThat(second.get("access_token")).isNotEqualTo(first.get("access_token"));
        assertThat(second).containsEntry("token_type", "Bearer").containsEntry("scope", "mcp:read");
        Response third = token(refreshGrant(publicClient, (String) second.get("refresh_token")));
        assertThat(third.getStatus()).isEqualTo(200);
    }

    @Test
    void refresh_reuse_of_a_rotated_token_is_invalid_grant_and_revokes_the_whole_chain_including_the_latest_access_token() {
        Map<String, Object> first = tokensFor(publicClient, null);
        Map<String, Object> second = body(token(refreshGrant(publicClient, (String) first.get("refresh_token"))));
        ChainId chain = harness.chainOf((String) second.get("access_token"));
        harness.clock.advance(harness.policy.refreshReuseGrace()); // past the grace a race is granted

        assertError(token(refreshGrant(publicClient, (String) first.get("refresh_token"))), 400, "invalid_grant");

        assertThat(harness.isRevoked(chain)).isTrue();
        assertError(token(refreshGrant(publicClient, (String) second.get("refresh_token"))), 400, "invalid_grant");
    }

    @Test
    void refresh_scope_may_narrow() {
        Map<String, Object> granted = tokensFor(publicClient, "mcp:read mcp:write");

        Response response = token(refreshGrant(publicClient, (String) granted.get("refresh_token"))
                .param("scope", "mcp:read"));

        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, Object> narrowed = body(response);
        assertThat(narrowed).containsEntry("scope", "mcp:read");
        assertThat(harness.codec.claimsOf((String) narrowed.get("access_token")).scopes().asString())
                .isEqualTo("mcp:read");
    }

    @Test
    void refresh_scope_may_never_widen_invalid_scope() {
        Map<String, Object> granted = tokensFor(publicClient, "mcp:read");

        assertError(token(refreshGrant(publicClient, (String) granted.get("refresh_token"))
                .param("scope", "mcp:read mcp:write")), 400, "invalid_scope");
    }

    @Test
    void refresh_with_a_foreign_resource_is_invalid_target() {
        Map<String, Object> granted = tokensFor(publicClient, null);

        assertError(token(refreshGrant(publicClient, (String) granted.get("refresh_token"))
                .param("resource", "https://evil.example/mcp")), 400, "invalid_target");
    }

    @Test
    void client_secret_basic_confidential_client_exchanges_a_code() {
        RegisterClient.Outcome.Registered client = harness.registerClient("client_secret_basic", LOOPBACK);
        String id = client.client().id().value();
        String code = harness.codeFor(id, LOOPBACK, null);

        Response response = token(codeGrant(null, code, LOOPBACK, VERIFIER), basic(id, client.clientSecret().orElseThrow()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response)).containsKey("access_token");
    }

    @Test
    void client_authentication_wrong_secret_with_basic_is_401_invalid_client_with_www_authenticate_basic() {
        RegisterClient.Outcome.Registered client = harness.registerClient("client_secret_basic", LOOPBACK);
        String id = client.client().id().value();
        String code = harness.codeFor(id, LOOPBACK, null);

        Response response = token(codeGrant(null, code, LOOPBACK, VERIFIER), basic(id, "flt_cs_wrong"));

        assertError(response, 401, "invalid_client");
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"faultline\"");
        // The code survived the failed attempt: the right client can still redeem it.
        assertThat(token(codeGrant(null, code, LOOPBACK, VERIFIER), basic(id, client.clientSecret().orElseThrow()))
                .getStatus()).isEqualTo(200);
    }

    @Test
    void client_secret_post_confidential_client_exchanges_a_code_and_a_wrong_secret_is_401_without_basic_challenge() {
        RegisterClient.Outcome.Registered client = harness.registerClient("client_secret_post", LOOPBACK);
        String id = client.client().id().value();
        String code = harness.codeFor(id, LOOPBACK, null);

        Response wrong = token(codeGrant(id, code, LOOPBACK, VERIFIER).param("client_secret", "flt_cs_wrong"));
        assertError(wrong, 401, "invalid_client");
        assertThat(wrong.getHeaderString("WWW-Authenticate")).isNull();

        Response right = token(codeGrant(id, code, LOOPBACK, VERIFIER)
                .param("client_secret", client.clientSecret().orElseThrow()));
        assertThat(right.getStatus()).isEqualTo(200);
    }

    @Test
    void client_authentication_with_a_method_other_than_the_registered_one_is_invalid_client() {
        RegisterClient.Outcome.Registered client = harness.registerClient("client_secret_post", LOOPBACK);
        String id = client.client().id().value();
        String code = harness.codeFor(id, LOOPBACK, null);

        Response response = token(codeGrant(null, code, LOOPBACK, VERIFIER), basic(id, client.clientSecret().orElseThrow()));

        assertError(response, 401, "invalid_client");
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"faultline\"");
    }

    @Test
    void client_authentication_confidential_client_without_its_secret_is_invalid_client() {
        RegisterClient.Outcome.Registered client = harness.registerClient("client_secret_post", LOOPBACK);
        String id = client.client().id().value();

        assertError(token(codeGrant(id, harness.codeFor(id, LOOPBACK, null), LOOPBACK, VERIFIER)), 401,
                "invalid_client");
    }

    @Test
    void client_authentication_basic_and_client_secret_in_the_body_at_once_is_invalid_request() {
        RegisterClient.Outcome.Registered client = harness.registerClient("client_secret_basic", LOOPBACK);
        String id = client.client().id().value();
        String secret = client.clientSecret().orElseThrow();

        Map<String, Object> error = assertError(token(codeGrant(null, harness.codeFor(id, LOOPBACK, null), LOOPBACK,
                VERIFIER).param("client_secret", secret), basic(id, secret)), 400, "invalid_request");
        assertThat((String) error.get("error_description")).contains("exactly one method");
    }

    @Test
    void client_authentication_missing_entirely_is_401_invalid_client() {
        Response response = token(codeGrant(null, "some-code", LOOPBACK, VERIFIER));

        assertError(response, 401, "invalid_client");
        assertThat(response.getHeaderString("WWW-Authenticate")).isNull();
    }

    @Test
    void client_authentication_unknown_or_malformed_client_id_is_401_invalid_client() {
        assertError(token(codeGrant("no-such-client", "some-code", LOOPBACK, VERIFIER)), 401, "invalid_client");
        assertError(token(codeGrant("bad id!", "some-code", LOOPBACK, VERIFIER)), 401, "invalid_client");
        Response garbled = token(codeGrant(null, "some-code", LOOPBACK, VERIFIER), "Basic !!!not-base64");
        assertError(garbled, 401, "invalid_client");
        assertThat(garbled.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"faultline\"");
    }

    @Test
    void public_client_sending_a_client_secret_is_invalid_client() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);

        assertError(token(codeGrant(publicClient, code, LOOPBACK, VERIFIER).param("client_secret", "anything")), 401,
                "invalid_client");
    }

    @Test
    void errors_duplicate_parameters_are_invalid_request() {
        String code = harness.codeFor(publicClient, LOOPBACK, null);

        Map<String, Object> error = assertError(token(codeGrant(publicClient, code, LOOPBACK, VERIFIER)
                .param("code", code)), 400, "invalid_request");
        assertThat((String) error.get("error_description")).contains("\"code\"").contains("more than once");
        // Nothing was redeemed: the code still works.
        assertThat(token(codeGrant(publicClient, code, LOOPBACK, VERIFIER)).getStatus()).isEqualTo(200);
    }

    @Test
    void errors_missing_grant_type_is_invalid_request_and_an_unknown_one_unsupported_grant_type() {
        assertError(token(new Form().param("client_id", publicClient)), 400, "invalid_request");
        assertError(token(new Form().param("grant_type", "client_credentials").param("client_id", publicClient)), 400,
                "unsupported_grant_type");
        assertError(token(new Form().param("grant_type", "password").param("client_id", publicClient)), 400,
                "unsupported_grant_type");
    }

    @Test
    void errors_wrong_content_type_is_400_invalid_request_json() {
        Response response = resources.target("/mcp/oauth/token").request().post(Entity.entity(
                "{\"grant_type\":\"authorization_code\"}", MediaType.APPLICATION_JSON_TYPE));

        Map<String, Object> error = assertError(response, 400, "invalid_request");
        assertThat((String) error.get("error_description")).contains("application/x-www-form-urlencoded");
    }

    @Test
    void errors_bad_percent_encoding_is_invalid_request() {
        Response response = resources.target("/mcp/oauth/token").request().post(Entity.entity(
                "grant_type=authorization_code&code=%zz", MediaType.APPLICATION_FORM_URLENCODED_TYPE));

        assertError(response, 400, "invalid_request");
    }

    @Test
    void errors_an_oversized_body_is_413_json() {
        Response response = token(codeGrant(publicClient, "x".repeat(20_000), LOOPBACK, VERIFIER));

        assertThat(response.getStatus()).isEqualTo(413);
        assertNoStore(response);
        assertThat(body(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void errors_wrong_method_get_is_405_in_rfc_shape_not_the_framework_shape() {
        Response response = resources.target("/mcp/oauth/token").request().get();

        assertThat(response.getStatus()).isEqualTo(405);
        assertNoStore(response);
        assertThat(body(response)).containsEntry("error", "invalid_request").doesNotContainKeys("code", "message");
    }
}
