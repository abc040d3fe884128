package dev.faultline.adapters.oauth;

import static dev.faultline.adapters.oauth.OAuthHttpHarness.LOOPBACK;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class RevocationResourceTest {
    static final OAuthHttpHarness harness = new OAuthHttpHarness();
    static final ResourceExtension resources = harness.extension(OAuthHttpHarness.generousLimits());

    private final String client = harness.registerClient("none", LOOPBACK).client().id().value();

    private Response revoke(Form form) {
        return resources.target("/mcp/oauth/revoke").request().post(Entity.form(form));
    }

    /** Tokens of a fresh chain of {@code clientId} (public client). */
    private Map<String, Object> tokensFor(String clientId) {
        Response response = resources.target("/mcp/oauth/token").request().post(Entity.form(new Form()
                .param("grant_type", "authorization_code").param("code", harness.codeFor(clientId, LOOPBACK, null))
                .param("redirect_uri", LOOPBACK).param("code_verifier", VERIFIER).param("client_id", clientId)));
        assertThat(response.getStatus()).isEqualTo(200);
        return body(response);
    }

    private static void assertEmptyOk(Response response) {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.readEntity(String.class)).isEmpty();
    }

    @Test
    void revocation_returns_200_with_an_empty_body_for_an_unknown_token() {
        assertEmptyOk(revoke(new Form().param("token", "flt_rt_never_issued").param("client_id", client)));
    }

    @Test
    void revocation_of_a_refresh_token_revokes_its_chain_including_the_access_token() {
        Map<String, Object> tokens = tokensFor(client);
        ChainId chain = harness.chainOf((String) tokens.get("access_token"));

        assertEmptyOk(revoke(new Form().param("token", (String) tokens.get("refresh_token"))
                .param("token_type_hint", "refresh_token").param("client_id", client)));

        assertThat(harness.isRevoked(chain)).isTrue();
        Response refresh = resources.target("/mcp/oauth/token").request().post(Entity.form(new Form()
                .param("grant_type", "refresh_token").param("refresh_token", (String) tokens.get("refresh_token"))
                .param("client_id", client)));
        assertThat(refresh.getStatus()).isEqualTo(400);
        assertThat(body(refresh)).containsEntry("error", "invalid_grant");
    }

    @Test
    void revocation_of_an_access_token_revokes_its_chain() {
        Map<String, Object> tokens = tokensFor(client);
        ChainId chain = harness.chainOf((String) tokens.get("access_token"));

        assertEmptyOk(revoke(new Form().param("token", (String) tokens.get("access_token"))
                .param("token_type_hint", "access_token").param("client_id", client)));

        assertThat(harness.isRevoked(chain)).isTrue();
    }

    @Test
    void revocation_a_client_cannot_revoke_another_clients_token_but_still_gets_200() {
        String other = harness.registerClient("none", LOOPBACK).client().id().value();
        Map<String, Object> theirs = tokensFor(other);
        ChainId chain = harness.chainOf((String) theirs.get("access_token"));

        assertEmptyOk(revoke(new Form().param("token", (String) theirs.get("refresh_token")).param("client_id", client)));
        assertEmptyOk(revoke(new Form().param("token", (String) theirs.get("access_token")).param("client_id", client)));

        assertThat(harness.isRevoked(chain)).isFalse();
    }

    @Test
    void revocation_by_a_confidential_client_with_a_wrong_secret_is_401_invalid_client_and_revokes_nothing() {
        RegisterClient.Outcome.Registered confidential = harness.registerClient("client_secret_basic", LOOPBACK);
        String id = confidential.client().id().value();
        Response exchanged = resources.target("/mcp/oauth/token").request()
                .header("Authorization", basic(id, confidential.clientSecret().orElseThrow()))
                .post(Entity.form(new Form().param("grant_type", "authorization_code")
                        .param("code", harness.codeFor(id, LOOPBACK, null)).param("redirect_uri", LOOPBACK)
                        .param("code_verifier", VERIFIER)));
        Map<String, Object> tokens = body(exchanged);
        ChainId chain = harness.chainOf((String) tokens.get("access_token"));

        Response response = resources.target("/mcp/oauth/revoke").request()
                .header("Authorization", basic(id, "flt_cs_wrong"))
                .post(Entity.form(new Form().param("token", (String) tokens.get("refresh_token"))));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"faultline\"");
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(body(response)).containsEntry("error", "invalid_client");
        assertThat(harness.isRevoked(chain)).isFalse();

        assertEmptyOk(resources.target("/mcp/oauth/revoke").request()
                .header("Authorization", basic(id, confidential.clientSecret().orElseThrow()))
                .post(Entity.form(new Form().param("token", (String) tokens.get("refresh_token")))));
        assertThat(harness.isRevoked(chain)).isTrue();
    }

    @Test
    void revocation_without_a_token_is_invalid_request() {
        Response response = revoke(new Form().param("client_id", client));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void revocation_with_a_wrong_content_type_is_invalid_request_json() {
        Response response = resources.target("/mcp/oauth/revoke").request()
                .post(Entity.entity("{\"token\":\"x\"}", MediaType.APPLICATION_JSON_TYPE));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response)).containsEntry("error", "invalid_request");
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
