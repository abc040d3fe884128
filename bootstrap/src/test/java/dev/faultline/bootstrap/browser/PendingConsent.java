package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;

/**
 * A consent page open in the browser for a client that registered itself through DCR, with the client's
 * loopback callback listening. {@link #approve()} finishes the authorization like the client would.
 */
public final class PendingConsent implements AutoCloseable {
    static final By APPROVE = By.cssSelector("button[name=decision][value=approve]");

    private final RealBrowser browser;
    private final OAuthTestClient oauth;
    private final CallbackReceiver callback;
    private final OAuthTestClient.AuthorizationRequest request;
    private final boolean ownsCallback;

    PendingConsent(RealBrowser browser, OAuthTestClient oauth, CallbackReceiver callback,
            OAuthTestClient.AuthorizationRequest request, boolean ownsCallback) {
        this.browser = browser;
        this.oauth = oauth;
        this.callback = callback;
        this.request = request;
        this.ownsCallback = ownsCallback;
    }

    /** Whether the checkbox for {@code scope} (e.g. {@code mcp:write}) is on the page and ticked. */
    public boolean isTicked(String scope) {
        return box(scope).isSelected();
    }

    /** The label text of the checkbox for {@code scope}, as the person reads it. */
    public String label(String scope) {
        return browser.waitFor(By.cssSelector("label[for='" + box(scope).getDomAttribute("id") + "']")).getText();
    }

    /** Ticks or unticks the checkbox for {@code scope} by clicking its label, as a person would. */
    public PendingConsent tick(String scope, boolean wanted) {
        if (isTicked(scope) != wanted) {
            browser.click(By.cssSelector("label[for='" + box(scope).getDomAttribute("id") + "']"));
        }
        assertThat(isTicked(scope)).isEqualTo(wanted);
        return this;
    }

    /** The scopes offered on the page, in order. */
    public java.util.List<String> offeredScopes() {
        return browser.driver().findElements(By.cssSelector("fieldset.scopes input[type=checkbox]")).stream()
                .map(box -> box.getDomAttribute("name").substring("grant:".length())).toList();
    }

    /**
     * The same client asks again, for {@code scope} (a step-up after a 403 {@code insufficient_scope}); the
     * person is still signed in, so the consent page shows at once.
     */
    public PendingConsent askAgain(String scope) {
        OAuthTestClient.AuthorizationRequest again = oauth.newAuthorization(request.clientId(), request.redirectUri());
        browser.open(oauth.authorizationUrl(again, scope));
        browser.waitFor(APPROVE);
        return new PendingConsent(browser, oauth, callback, again, false);
    }

    private org.openqa.selenium.WebElement box(String scope) {
        return browser.waitFor(By.cssSelector("input[type=checkbox][name='grant:" + scope + "']"));
    }

    public String clientId() {
        return request.clientId();
    }

    /** The client name as the page shows it (text, never markup). */
    public String shownClientName() {
        return browser.waitFor(".client-name").getText();
    }

    /**
     * Clicks Approve; the browser follows the redirect to the client's loopback callback, whose code this
     * client then redeems. Asserts the callback carries this request's state and the issuer (RFC 9207).
     */
    public Connection approve() {
        browser.click(APPROVE);
        var query = callback.awaitQuery();
        assertThat(query).containsEntry("state", request.state()).containsEntry("iss", oauth.issuer())
                .containsKey("code");
        browser.waitForUrlStartingWith(request.redirectUri());
        return new Connection(request.clientId(), oauth.exchange(request, query.get("code")));
    }

    @Override
    public void close() {
        if (ownsCallback) {
            callback.close();
        }
    }
}
