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

    PendingConsent(RealBrowser browser, OAuthTestClient oauth, CallbackReceiver callback,
            OAuthTestClient.AuthorizationRequest request) {
        this.browser = browser;
        this.oauth = oauth;
        this.callback = callback;
        this.request = request;
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
        callback.close();
    }
}
