package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * My Integrations in a real browser, the whole story of issue 5: connect a client, see it, create a personal
 * token and use it, revoke both, and prove every credential of both is dead at once.
 */
@ExtendWith(RealBrowserExtension.class)
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserIntegrationsTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String TOKEN_TITLE = "CI laptop";
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>Claude\u202Egnp.exe";
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
        Accessibility.checkedScreenshot(browser, "integrations");
        browser.phoneScreenshot("integrations-phone");

        IntegrationsPage.CreatedToken token = page.createToken(TOKEN_TITLE, true, false, "30");
        assertThat(token.value()).startsWith("flt_pat_");
        browser.click(By.id("copy-token"));
        assertThat(browser.waitFor(By.cssSelector(".secret [role=status]")).getText()).isNotBlank();
        Accessibility.checkedScreenshot(browser, "integrations-token-created");
        browser.driver().executeScript(
                "window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));");
        assertThat(browser.waitFor(By.id("new-token")).getText()).as("shown again from the back/forward cache")
                .startsWith("Hidden.").doesNotContain(token.value());
        assertThat(browser.waitFor(By.id("usage-url")).getText()).doesNotContain(token.value());
        HttpResponse<String> withPersonalToken = mcp.initialize(token.value());
        assertThat(withPersonalToken.statusCode()).isEqualTo(200);
        assertThat(mcp.initialize(connection.tokens().access()).statusCode()).isEqualTo(200);

        page = IntegrationsPage.open(browser, issuer);
        String tokenId = page.tokenIdTitled(TOKEN_TITLE);
        Accessibility.checkedScreenshot(browser, "integrations-with-token");
        page = page.revokeClient(connection.clientId());
        assertThat(page.showsClient(connection.clientId())).isFalse();
        assertThat(page.notice()).contains("Access revoked");
        page = page.revokeToken(tokenId);
        assertThat(page.notice()).contains("Personal token revoked");
        assertThat(page.tokenStatus(tokenId)).startsWith("Revoked");
        Accessibility.checkedScreenshot(browser, "integrations-revoked");

        assertThat(mcp.initialize(connection.tokens().access()).statusCode()).as("OAuth access token").isEqualTo(401);
        assertThat(mcp.initialize(token.value()).statusCode()).as("personal token").isEqualTo(401);
        HttpResponse<String> refreshed = steps.oauth().refresh(connection.clientId(), connection.tokens().refresh());
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(steps.oauth().read(refreshed.body()).path("error").asText()).isEqualTo("invalid_grant");

        browser.open(issuer + "/logout");
        Accessibility.checkedScreenshot(browser, "sign-out");
        page.signOut();
        Accessibility.checkedScreenshot(browser, "integrations-signed-out");
        browser.open(issuer + IntegrationsPage.PATH);
        assertThat(browser.waitForUrl("the sign-in page", url -> url.contains(SignInPage.PATH))).contains("return_to");
    }

    @Test
    void a_hostile_app_name_is_inert_text_on_my_integrations_and_revoke_all_cuts_everything_off() {
        String issuer = APP.getConfiguration().getPublicBaseUrl();
        BrowserSteps steps = new BrowserSteps(browser, issuer);
        Connection hostile = steps.connect(omar, HOSTILE_NAME, "consent-before-hostile-row");
        Connection other = steps.connect(omar, "Second app", "consent-second-app");
        Connection stolen = steps.connect(omar, "Copied app", "consent-copied-app");
        HttpResponse<String> rotated = steps.oauth().refresh(stolen.clientId(), stolen.tokens().refresh());
        assertThat(rotated.statusCode()).isEqualTo(200);
        String next = steps.oauth().read(rotated.body()).path("refresh_token").asText();
        assertThat(steps.oauth().refresh(stolen.clientId(), next).statusCode()).isEqualTo(200);
        // Two rotations on, the first token is no longer the one a concurrent refresh could hold (reuse grace).
        assertThat(steps.oauth().refresh(stolen.clientId(), stolen.tokens().refresh()).statusCode())
                .as("the rotated refresh token presented again").isEqualTo(400);

        IntegrationsPage page = IntegrationsPage.open(browser, issuer);
        WebElement row = page.clientRowFor(hostile.clientId());
        assertThat(row.getText()).contains("<img src=x onerror=alert(1)>").contains("[U+202E]");
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver().findElements(By.cssSelector("#oauth-sessions img"))).isEmpty();
        Accessibility.checkedScreenshot(browser, "integrations-hostile-name");
        assertThat(page.showsClient(stolen.clientId())).as("the reused chain is cut off").isFalse();
        assertThat(browser.waitFor(By.id("security-events")).getText()).contains("Copied app")
                .contains("presented again");

        browser.loadingANewPage(() -> browser.click(By.id("revoke-all"))); // both pages have an h1
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Revoke all access?");
        assertThat(browser.pageText()).contains("2 connected apps").contains("personal token");
        Accessibility.checkedScreenshot(browser, "revoke-all-confirm");
        String sessionBefore = browser.cookie("faultline_session").getValue();
        browser.loadingANewPage(() -> browser.click(By.id("revoke-all-confirm")));
        assertThat(page.notice()).contains("Every connection was cut off").contains("signed in again");
        assertThat(browser.cookie("faultline_session").getValue()).as("a new session for this browser")
                .isNotEqualTo(sessionBefore);
        assertThat(page.showsClient(hostile.clientId())).isFalse();
        assertThat(page.showsClient(other.clientId())).isFalse();
        Accessibility.checkedScreenshot(browser, "integrations-all-revoked");
        McpClient mcp = steps.mcp();
        assertThat(mcp.initialize(hostile.tokens().access()).statusCode()).isEqualTo(401);
        assertThat(mcp.initialize(other.tokens().access()).statusCode()).isEqualTo(401);
    }

    @Test
    void the_page_works_with_the_keyboard_alone_skip_link_first_then_tab_to_the_form_and_submit_with_enter() {
        String issuer = APP.getConfiguration().getPublicBaseUrl();
        SignInPage.open(browser, issuer).signIn(omar);
        IntegrationsPage.open(browser, issuer);

        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Skip to content");
        int presses = 1;
        while (!"token-title".equals(browser.driver().switchTo().activeElement().getDomAttribute("id"))) {
            assertThat(presses++).as("Tab presses to reach the title field").isLessThan(30);
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        new Actions(browser.driver()).sendKeys("typed with the keyboard").sendKeys(Keys.ENTER).perform();

        browser.waitFor(By.id("new-token"));
        assertThat(browser.pageText()).contains("typed with the keyboard");
        Accessibility.checkedScreenshot(browser, "token-created-by-keyboard");
    }
}
