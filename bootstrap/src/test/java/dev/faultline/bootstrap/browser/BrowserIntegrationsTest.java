package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * My Integrations in a real browser, the whole story of issue 5: connect a client, see it, create a personal
 * token and use it, revoke both, and prove every credential of both is dead at once.
 */
@Disabled("waits for /settings/integrations")
@ExtendWith(RealBrowserExtension.class)
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserIntegrationsTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String TOKEN_TITLE = "CI laptop";
    private static Person omar;

    private final RealBrowser browser;

    BrowserIntegrationsTest(RealBrowser browser) {
        this.browser = browser;
    }

    @BeforeAll
    static void aPersonWithAnAccount() {
        omar = Person.withAccountOn(APP, "omar@example.com", "Omar");
    }

    @Test
    void connect_see_create_use_revoke_and_every_credential_is_dead() {
        String issuer = APP.getConfiguration().getPublicBaseUrl();
        BrowserSteps steps = new BrowserSteps(browser, issuer);
        McpClient mcp = steps.mcp();
        Connection connection = steps.connect(omar, "Integrations test client", "integrations-consent");

        IntegrationsPage page = IntegrationsPage.open(browser, issuer);
        assertThat(page.clientRowFor(connection.clientId()).getText()).contains("Integrations test client");
        browser.screenshot("integrations");
        browser.phoneScreenshot("integrations-phone");

        IntegrationsPage.CreatedToken token = page.createToken(TOKEN_TITLE, true, false, null);
        browser.screenshot("integrations-token-created");
        assertThat(token.value()).isNotBlank();
        HttpResponse<String> withPersonalToken = mcp.initialize(token.value());
        assertThat(withPersonalToken.statusCode()).isEqualTo(200);
        assertThat(mcp.initialize(connection.tokens().access()).statusCode()).isEqualTo(200);

        page = IntegrationsPage.open(browser, issuer);
        String tokenId = page.tokenIdTitled(TOKEN_TITLE);
        browser.screenshot("integrations-with-token");
        page = page.revokeClient(connection.clientId());
        assertThat(page.showsClient(connection.clientId())).isFalse();
        page = page.revokeToken(tokenId);
        assertThat(page.showsToken(tokenId)).isFalse();
        browser.screenshot("integrations-revoked");

        assertThat(mcp.initialize(connection.tokens().access()).statusCode()).as("OAuth access token").isEqualTo(401);
        assertThat(mcp.initialize(token.value()).statusCode()).as("personal token").isEqualTo(401);
        HttpResponse<String> refreshed = steps.oauth().refresh(connection.clientId(), connection.tokens().refresh());
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(steps.oauth().read(refreshed.body()).path("error").asText()).isEqualTo("invalid_grant");

        page.signOut();
        browser.screenshot("integrations-signed-out");
    }
}
