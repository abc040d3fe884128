package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consent per scope in a real headless Chromium: the person decides what an app may do, box by box, and the
 * token carries exactly that. A read-only approval of a read+write request gives a read-only token, whose write
 * call is refused with 403 insufficient_scope; the step-up that follows can grant write.
 */
@ExtendWith(RealBrowserExtension.class)
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserConsentTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String RESOLVE_UNKNOWN_ISSUE = "{\"issue_id\":\"00000000-0000-4000-8000-000000000000\"}";
    private static Person erin;

    private final RealBrowser browser;

    BrowserConsentTest(RealBrowser browser) {
        this.browser = browser;
    }

    @BeforeAll
    static void aPersonWithAnAccount() {
        erin = Person.withAccountOn(APP, "erin@example.com", "Erin");
    }

    @Test
    void approving_only_read_of_a_read_and_write_request_gives_a_read_only_token_and_the_step_up_gets_write() {
        BrowserSteps steps = new BrowserSteps(browser, APP.getConfiguration().getPublicBaseUrl());
        McpClient mcp = steps.mcp();
        try (PendingConsent consent = steps.openConsent(erin, "Step-up client", "mcp:read mcp:write")) {
            assertThat(consent.offeredScopes()).containsExactly("mcp:read", "mcp:write");
            assertThat(consent.isTicked("mcp:read")).isTrue();
            assertThat(consent.isTicked("mcp:write")).isFalse();
            Accessibility.checkedScreenshot(browser, "consent-scopes");
            Connection readOnly = consent.approve();
            assertThat(readOnly.tokens().scope()).isEqualTo("mcp:read");

            HttpResponse<String> refused = mcp.callTool(readOnly.tokens().access(), "resolve_issue", RESOLVE_UNKNOWN_ISSUE);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_scope\"");

            PendingConsent stepUp = consent.askAgain("mcp:read mcp:write");
            Connection readWrite = stepUp.tick("mcp:write", true).approve();
            assertThat(readWrite.tokens().scope()).isEqualTo("mcp:read mcp:write");
            HttpResponse<String> allowed = mcp.callTool(readWrite.tokens().access(), "resolve_issue", RESOLVE_UNKNOWN_ISSUE);
            assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        }
    }

    @Test
    void a_read_only_request_offers_changes_unticked_and_ticking_it_grants_write() {
        BrowserSteps steps = new BrowserSteps(browser, APP.getConfiguration().getPublicBaseUrl());
        try (PendingConsent consent = steps.openConsent(erin, "Read-only client", "mcp:read")) {
            assertThat(consent.offeredScopes()).containsExactly("mcp:read", "mcp:write");
            assertThat(consent.isTicked("mcp:write")).isFalse();
            assertThat(consent.label("mcp:write")).startsWith("Also allow changes:").endsWith("mcp:write");
            Accessibility.checkedScreenshot(browser, "consent-read-only-request");

            Connection connection = consent.tick("mcp:write", true).approve();

            assertThat(connection.tokens().scope()).isEqualTo("mcp:read mcp:write");
        }
    }

    @Test
    void approving_with_every_box_unticked_shows_a_form_error_and_reaches_no_callback() {
        BrowserSteps steps = new BrowserSteps(browser, APP.getConfiguration().getPublicBaseUrl());
        try (PendingConsent consent = steps.openConsent(erin, "Nothing ticked client", "mcp:read mcp:write")) {
            consent.tick("mcp:read", false);
            browser.loadingANewPage(() -> browser.click(PendingConsent.APPROVE)); // the page comes back, same h1

            assertThat(browser.waitFor("h1").getText()).isEqualTo("Choose what to allow");
            assertThat(browser.pageText()).contains("Nothing was ticked");
            assertThat(browser.currentUrl()).doesNotStartWith("http://127.0.0.1");
        }
    }
}
