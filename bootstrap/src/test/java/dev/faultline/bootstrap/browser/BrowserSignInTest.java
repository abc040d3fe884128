package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;

/** Sign-in and OAuth consent in a real headless Chromium against the real server and database. */
@ExtendWith(RealBrowserExtension.class)
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserSignInTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String HOSTILE_NAME = "<script>alert(1)</script>\u202Eexe.tnemucod";
    private static Person dana;

    private final RealBrowser browser;

    BrowserSignInTest(RealBrowser browser) {
        this.browser = browser;
    }

    @BeforeAll
    static void aPersonWithAnAccount() {
        dana = Person.withAccountOn(APP, "dana@example.com", "Dana");
    }

    @Test
    void wrong_password_shows_the_error_and_stays_on_the_sign_in_page() {
        SignInPage page = SignInPage.open(browser, issuer());
        Accessibility.checkedScreenshot(browser, "login");

        page.submit(dana.email(), "not the password");

        assertThat(page.alert().getText()).isEqualTo("E-mail or password is wrong.");
        assertThat(URI.create(browser.currentUrl()).getPath()).isEqualTo("/login");
        assertThat(browser.cookie("faultline_session")).isNull();
        Accessibility.checkedScreenshot(browser, "login-error");
    }

    @Test
    void right_password_signs_in_with_an_http_only_lax_session_cookie() {
        SignInPage.open(browser, issuer()).signIn(dana);

        Cookie session = browser.cookie("faultline_session");
        assertThat(session).as("session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void consent_approved_in_the_browser_gives_tokens_that_work_on_mcp() {
        BrowserSteps steps = new BrowserSteps(browser, issuer());
        Connection connection;
        try (PendingConsent consent = steps.openConsent(dana, "Browser test client")) {
            assertThat(consent.shownClientName()).isEqualTo("Browser test client");
            Accessibility.checkedScreenshot(browser, "consent");
            browser.phoneScreenshot("consent-phone");
            connection = consent.approve();
        }
        assertThat(connection.tokens().scope()).as("write starts unticked beside read").isEqualTo("mcp:read");

        McpClient mcp = steps.mcp();
        HttpResponse<String> initialized = mcp.initialize(connection.tokens().access());
        HttpResponse<String> tools = mcp.listTools(connection.tokens().access());

        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
        assertThat(tools.body()).contains("\"tools\"");
    }

    @Test
    void hostile_client_name_is_shown_as_literal_text_with_its_direction_override_made_visible() {
        BrowserSteps steps = new BrowserSteps(browser, issuer());
        try (PendingConsent consent = steps.openConsent(dana, HOSTILE_NAME)) {
            Accessibility.checkedScreenshot(browser, "consent-hostile-name");

            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.driver().findElements(By.tagName("script")))
                    .allSatisfy(script -> assertThat(script.getDomAttribute("src")).startsWith("/assets/faultline.js?v="));
            assertThat(consent.shownClientName()).isEqualTo(HOSTILE_NAME.replace("\u202E", "[U+202E]"));
            assertThat(browser.waitFor(".client-name").getCssValue("unicode-bidi")).isEqualTo("isolate");
            assertThat(browser.pageText()).contains("<script>alert(1)</script>").doesNotContain("\u202E");
        }
    }

    private static String issuer() {
        return APP.getConfiguration().getPublicBaseUrl();
    }
}
