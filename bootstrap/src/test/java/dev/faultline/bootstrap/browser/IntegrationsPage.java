package dev.faultline.bootstrap.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * My Integrations ({@code /settings/integrations}) by its page contract: {@code #oauth-sessions} rows
 * {@code tr[data-client-id]}, {@code #personal-tokens} rows {@code tr[data-token-id]}, each with a
 * {@code button.revoke}; the {@code form#create-token}; the created page's {@code #new-token} and
 * {@code #copy-token}; the header's {@code #sign-out}.
 */
public final class IntegrationsPage {
    static final String PATH = "/settings/integrations";
    private static final By TOKEN_ROWS = By.cssSelector("#personal-tokens tr[data-token-id]");

    private final RealBrowser browser;
    private final String issuer;

    private IntegrationsPage(RealBrowser browser, String issuer) {
        this.browser = browser;
        this.issuer = issuer;
    }

    public static IntegrationsPage open(RealBrowser browser, String issuer) {
        browser.open(issuer + PATH);
        return at(browser, issuer);
    }

    private static IntegrationsPage at(RealBrowser browser, String issuer) {
        browser.waitFor("#oauth-sessions");
        browser.waitFor("#personal-tokens");
        return new IntegrationsPage(browser, issuer);
    }

    public boolean showsClient(String clientId) {
        return !browser.driver().findElements(clientRow(clientId)).isEmpty();
    }

    public WebElement clientRowFor(String clientId) {
        return browser.waitFor(clientRow(clientId));
    }

    /** The id of the personal token row that shows this title, or fails. */
    public String tokenIdTitled(String title) {
        List<WebElement> rows = browser.driver().findElements(TOKEN_ROWS);
        return rows.stream().filter(row -> row.getText().contains(title)).findFirst()
                .map(row -> row.getDomAttribute("data-token-id"))
                .orElseThrow(() -> new AssertionError("no personal token row titled " + title));
    }

    /** Revokes every token of the client and waits for the page to come back without its row. */
    public IntegrationsPage revokeClient(String clientId) {
        WebElement revoke = browser.waitFor(clientRow(clientId)).findElement(By.cssSelector("button.revoke"));
        browser.loadingANewPage(revoke::click);
        browser.waitUntilGone(clientRow(clientId));
        return at(browser, issuer);
    }

    /** Revokes the token; its row stays, marked revoked and without a Revoke button, until it is purged. */
    public IntegrationsPage revokeToken(String tokenId) {
        WebElement revoke = browser.waitFor(tokenRow(tokenId)).findElement(By.cssSelector("button.revoke"));
        browser.loadingANewPage(revoke::click); // the page left may show a notice too (e.g. "Access revoked")
        browser.waitFor(By.cssSelector(".notice"));
        return at(browser, issuer);
    }

    /** The status column of the token's row, e.g. "Active" or "Revoked 23 Nov 2026, 10:15 UTC". */
    public String tokenStatus(String tokenId) {
        return browser.waitFor(tokenRow(tokenId)).findElement(By.cssSelector("td[data-label=Status]")).getText();
    }

    public String notice() {
        return browser.waitFor(By.cssSelector(".notice")).getText();
    }

    /**
     * Fills and submits the create form; returns the token the next page shows once. {@code expiry} is a value
     * of {@code #token-expiry}, or null to leave the default.
     */
    public CreatedToken createToken(String title, boolean read, boolean write, String expiry) {
        browser.fill("token-title", title);
        check("scope-read", read);
        check("scope-write", write);
        if (expiry != null) {
            new Select(browser.waitFor(By.id("token-expiry"))).selectByValue(expiry);
        }
        browser.click(By.id("create-token-submit"));
        WebElement shown = browser.waitFor(By.id("new-token"));
        browser.waitFor(By.id("copy-token"));
        String value = "input".equals(shown.getTagName()) || "textarea".equals(shown.getTagName())
                ? shown.getDomProperty("value") : shown.getText();
        return new CreatedToken(value.strip());
    }

    public void signOut() {
        browser.click(By.id("sign-out"));
        browser.waitForUrl("the sign-in page", url -> url.contains(SignInPage.PATH));
    }

    private void check(String id, boolean wanted) {
        WebElement box = browser.waitFor(By.id(id));
        if (box.isSelected() != wanted) {
            box.click();
        }
    }

    private static By clientRow(String clientId) {
        return By.cssSelector("#oauth-sessions tr[data-client-id='" + clientId + "']");
    }

    private static By tokenRow(String tokenId) {
        return By.cssSelector("#personal-tokens tr[data-token-id='" + tokenId + "']");
    }

    /** A personal token as shown once after creation. Its value never appears in test output. */
    public record CreatedToken(String value) {
        @Override
        public String toString() {
            return "CreatedToken[…]";
        }
    }
}
