package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where a bearer's authority comes from, over real HTTP: the grant decides, not the token's signed claims, and
 * the URL form takes personal tokens only.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BearerAuthorityTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String EMAIL = "ada@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static String issuer;
    private static Faultline faultline;
    private static String personalToken;

    @BeforeAll
    static void aPerson() {
        faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        issuer = APP.getConfiguration().getPublicBaseUrl();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Ada", PASSWORD))).userId();
        personalToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "script", "mcp:read", null)).token();
    }

    @Test
    void a_token_forged_with_the_servers_own_key_gets_no_more_than_its_grant() {
        OAuthClient client = OAuthClient.registerPublic(issuer);
        String readOnly = OAuthClient.tokens(client.exchange(
                client.authorize(new Browser(), EMAIL, PASSWORD, "mcp:read"))).path("access_token").asText();
        AccessTokenClaims claims = ((AccessTokenCodec.Verification.Valid) faultline.accessTokenCodec()
                .verify(readOnly, issuer, new ProtectedResource(issuer + "/mcp"), Instant.now())).claims();
        // What anyone holding the signing key (e.g. read from the database) could mint for this grant.
        String forged = faultline.accessTokenCodec().encode(new AccessTokenClaims(claims.issuer(), claims.subject(),
                claims.audience(), claims.clientId(), Scopes.READ_WRITE, "forged-jti", claims.issuedAt(),
                claims.expiresAt(), claims.chainId()));

        HttpResponse<String> write = client.callTool("/mcp", forged, "resolve_issue", "{\"issue_id\":\"x\"}");
        HttpResponse<String> read = client.callTool("/mcp", forged, "list_applications", "{}");

        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
        assertThat(write.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"");
        assertThat(read.statusCode()).as("the signature itself is valid").isEqualTo(200);
    }

    @Test
    void the_url_form_refuses_an_access_token_or_any_other_string_with_403_and_no_challenge() {
        OAuthClient client = OAuthClient.registerPublic(issuer);
        String accessToken = OAuthClient.tokens(client.exchange(
                client.authorize(new Browser(), EMAIL, PASSWORD, "mcp:read"))).path("access_token").asText();
        String mistypedPersonal = personalToken.substring(0, personalToken.length() - 1)
                + (personalToken.endsWith("x") ? "y" : "x");

        for (String inPath : new String[] {accessToken, "not-a-token", mistypedPersonal}) {
            HttpResponse<String> response = client.callTool("/mcp/" + inPath, null, "list_applications", "{}");
            assertThat(response.statusCode()).as("no sign-in can repair a URL's token").isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertThat(response.body()).contains("invalid_token", issuer + "/settings/integrations")
                    .doesNotContain(inPath);
        }
        assertThat(client.callTool("/mcp", accessToken, "list_applications", "{}").statusCode())
                .as("the same access token in the header").isEqualTo(200);
        assertThat(client.callTool("/mcp/" + personalToken, null, "list_applications", "{}").statusCode())
                .as("a personal token in the URL").isEqualTo(200);
    }
}
