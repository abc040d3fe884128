package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.demo.DemoSeeder;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The read-only issues pages on the demo data, in a real browser: list, filter, open one, read its crash. */
@ExtendWith(RealBrowserExtension.class)
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserIssuesTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static Person demo;

    private final RealBrowser browser;

    BrowserIssuesTest(RealBrowser browser) {
        this.browser = browser;
    }

    @BeforeAll
    static void demoData() {
        DemoSeeder.Seeded seeded = new DemoSeeder(((FaultlineApplication) APP.getApplication()).faultline()).seed()
                .orElseThrow();
        demo = new Person(seeded.email(), "Demo", seeded.password());
    }

    @Test
    void list_filter_and_open_an_issue_with_its_latest_crash() {
        String issuer = APP.getConfiguration().getPublicBaseUrl();
        browser.open(issuer + "/issues");
        SignInPage.at(browser).signIn(demo);

        browser.waitFor(By.cssSelector("tr[data-issue-id]"));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-issue-id]"))).hasSizeGreaterThan(5);
        Accessibility.checkedScreenshot(browser, "issues");
        browser.phoneScreenshot("issues-phone");

        new Select(browser.waitFor(By.id("filter-status"))).selectByValue("muted");
        browser.loadingANewPage(() -> browser.driver().findElement(By.cssSelector("form.filters button[type=submit]"))
                .click()); // the unfiltered list has rows too
        browser.waitForUrl("the filtered list", url -> url.contains("status=muted"));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-issue-id] .status")))
                .isNotEmpty().allSatisfy(status -> assertThat(status.getText()).isEqualTo("Muted"));
        Accessibility.checkedScreenshot(browser, "issues-muted");

        WebElement first = browser.waitFor(By.cssSelector("tr[data-issue-id] a"));
        String title = first.getText();
        browser.loadingANewPage(first::click); // the list has an h1 too
        assertThat(browser.waitFor(By.tagName("h1")).getText()).contains(title);
        assertThat(browser.pageText()).contains("Latest crash");
        Accessibility.checkedScreenshot(browser, "issue");
    }

    @Test
    void an_owner_finds_the_dsn_from_the_issues_page_and_creates_a_key() {
        String issuer = APP.getConfiguration().getPublicBaseUrl();
        browser.open(issuer + "/issues");
        SignInPage.at(browser).signIn(demo);

        WebElement setup = browser.waitFor(By.cssSelector("#setup-links a"));
        browser.loadingANewPage(setup::click);
        browser.waitForUrl("an application's settings", url -> url.endsWith("/settings"));
        assertThat(browser.waitFor(By.cssSelector("code.dsn")).getText()).matches("https?://[0-9a-f]{32}@.+/[0-9]+");
        assertThat(browser.driver().findElement(By.id("snippet")).getText()).contains("init");
        Accessibility.checkedScreenshot(browser, "application-settings");
        browser.phoneScreenshot("application-settings-phone");

        browser.fill("key-label", "");
        browser.fill("key-rate-limit", "many");
        browser.loadingANewPage(() -> browser.click(By.id("create-key-submit")));
        assertThat(browser.waitFor(By.id("key-label-error")).getText()).contains("label is required");
        assertThat(browser.driver().findElement(By.id("key-rate-limit-error")).getText()).contains("whole number");
        Accessibility.checkedScreenshot(browser, "application-settings-errors");

        browser.fill("key-label", "Browser");
        browser.fill("key-rate-limit", "");
        browser.loadingANewPage(() -> browser.click(By.id("create-key-submit")));
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Ingest key created");
        assertThat(browser.pageText()).contains("Browser");
    }
}
