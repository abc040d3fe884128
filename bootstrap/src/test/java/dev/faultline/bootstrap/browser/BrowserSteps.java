package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.pages.DisplayText;

/**
 * The steps the browser tests share: a person connecting an MCP client through the real authorization flow
 * (DCR over HTTP, then authorize → sign in → consent in the browser).
 */
public final class BrowserSteps {
    private final RealBrowser browser;
    private final OAuthTestClient oauth;

    public BrowserSteps(RealBrowser browser, String issuer) {
        this.browser = browser;
        this.oauth = OAuthTestClient.discover(issuer);
    }

    public OAuthTestClient oauth() {
        return oauth;
    }

    public McpClient mcp() {
        return new McpClient(oauth.resource());
    }

    /**
     * Registers {@code clientName} through DCR with a loopback callback, opens its authorization URL, signs
     * {@code person} in if the server asks, and stops on the consent page (marked self-registered).
     */
    public PendingConsent openConsent(Person person, String clientName) {
        return openConsent(person, clientName, OAuthTestClient.SCOPE);
    }

    /** As {@link #openConsent(Person, String)}, the client asking for {@code scope}. */
    public PendingConsent openConsent(Person person, String clientName, String scope) {
        CallbackReceiver callback = CallbackReceiver.start();
        try {
            String clientId = oauth.register(clientName, callback.redirectUri());
            OAuthTestClient.AuthorizationRequest request = oauth.newAuthorization(clientId, callback.redirectUri());
            browser.open(oauth.authorizationUrl(request, scope));
            if (SignInPage.isShowing(browser)) {
                SignInPage.at(browser).signIn(person);
            }
            browser.waitFor(PendingConsent.APPROVE);
            assertThat(browser.pageText()).contains("Self-registered");
            return new PendingConsent(browser, oauth, callback, request, true);
        } catch (RuntimeException | AssertionError e) {
            callback.close();
            throw e;
        }
    }

    /**
     * The whole connection: consent shown with the client's name (bidi controls made visible), screenshot taken,
     * approved, tokens redeemed.
     */
    public Connection connect(Person person, String clientName, String screenshot) {
        try (PendingConsent consent = openConsent(person, clientName)) {
            assertThat(consent.shownClientName()).isEqualTo(DisplayText.of(clientName));
            Accessibility.checkedScreenshot(browser, screenshot);
            return consent.approve();
        }
    }
}
