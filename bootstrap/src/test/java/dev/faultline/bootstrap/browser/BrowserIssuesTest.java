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
}
