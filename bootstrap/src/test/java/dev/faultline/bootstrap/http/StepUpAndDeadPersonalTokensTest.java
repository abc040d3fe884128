package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, items 4 and 8 over real HTTP: an OAuth caller with read scope sees the write tools and gets the
 * step-up challenge when it calls one; a dead personal token in the URL form gets a plain 403 that starts no
 * sign-in, the same for unknown, revoked and expired, and never echoes the token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StepUpAndDeadPersonalTokensTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String EMAIL = "stepup@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static String issuer;
    private static Faultline faultline;
    private static UserId user;

    @BeforeAll
    static void aPersonWithAnApplication() {
        faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        issuer = APP.getConfiguration().getPublicBaseUrl();
        user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Stefan", PASSWORD))).userId();
        faultline.tracker().createApplication().createApplication(new CreateApplication.Command(Actor.person(user), "Shop",
                new ApplicationSlug("shop"), new Platform("java")));
    }

    @Test
    void an_oauth_read_grant_sees_the_write_tools_and_calling_one_gets_the_step_up_challenge() {
        OAuthClient client = OAuthClient.registerPublic(issuer);
        String readOnly = OAuthClient.tokens(client.exchange(
                client.authorize(new Browser(), EMAIL, PASSWORD, "mcp:read"))).path("access_token").asText();

        HttpResponse<String> list = client.mcp("/mcp", readOnly, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        HttpResponse<String> refused = client.callTool("/mcp", readOnly, "resolve_issue", "{\"issue_id\":\"x\"}");

        List<String> names = new ArrayList<>();
        OAuthClient.json(list.body()).path("result").path("tools").forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).contains("resolve_issue", "delete_note").hasSize(12);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).isEqualTo(
                "Bearer error=\"insufficient_scope\", scope=\"mcp:read mcp:write\", resource_metadata=\"" + issuer
                        + "/.well-known/oauth-protected-resource/mcp\"");
    }

    @Test
    void a_dead_personal_token_in_the_url_is_403_without_any_challenge_alike_for_unknown_revoked_and_expired() {
        CreatePersonalToken.Created revoked = create("revoked", null);
        faultline.personalTokens().revoke().revoke(user, revoked.summary().id());
        CreatePersonalToken.Created expired = create("expired", Instant.now().plus(1, ChronoUnit.DAYS));
        faultline.database().jdbi().useHandle(handle -> handle.createUpdate(
                "UPDATE personal_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day'"
                        + " WHERE id = :id").bind("id", expired.summary().id().value()).execute());
        Map<String, String> dead = new LinkedHashMap<>();
        dead.put("unknown", PersonalTokenFormat.fromBody("7".repeat(PersonalTokenFormat.BODY_LENGTH)));
        dead.put("revoked", revoked.token());
        dead.put("expired", expired.token());
        OAuthClient client = OAuthClient.registerPublic(issuer);

        String firstBody = null;
        for (Map.Entry<String, String> token : dead.entrySet()) {
            HttpResponse<String> response = client.callTool("/mcp/" + token.getValue(), null, "list_applications", "{}");

            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(403);
            assertThat(response.headers().allValues("WWW-Authenticate")).as(token.getKey()).isEmpty();
            assertThat(response.body()).as(token.getKey()).doesNotContain(token.getValue())
                    .doesNotContain("resource_metadata");
            assertThat(OAuthClient.json(response.body()).path("error_description").asText()).isEqualTo(
                    "this personal access token is not valid (unknown, revoked or expired); create a new personal"
                            + " token on My Integrations: " + issuer + "/settings/integrations");
            firstBody = firstBody == null ? response.body() : firstBody;
            assertThat(response.body()).as("%s reads like the others", token.getKey()).isEqualTo(firstBody);
        }
        String live = create("live", null).token();
        assertThat(client.callTool("/mcp/" + live, null, "list_applications", "{}").statusCode()).isEqualTo(200);
    }

    private static CreatePersonalToken.Created create(String title, Instant expiresAt) {
        return faultline.personalTokens().create().create(CreatePersonalToken.Command.of(user, title, "mcp:read",
                expiresAt));
    }
}
