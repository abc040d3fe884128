package dev.faultline.adapters.pages;

import dev.faultline.application.access.port.in.CreatePersonalToken;

/**
 * The one time a personal token is shown, with the two ways to use it: the {@code Authorization} header, or the
 * URL form for tools that can't send headers. Sent with {@code Cache-Control: no-store} like every page, so no
 * cache keeps it; after this page it can only be revoked, never shown again.
 */
public final class TokenCreatedView extends PageView {
    private final String token;
    private final String title;
    private final String scopes;
    private final String expires;
    private final String mcpUrl;

    TokenCreatedView(Navigation navigation, CreatePersonalToken.Created created, String mcpUrl) {
        super("token-created.mustache", "Personal token created", navigation);
        this.token = created.token();
        this.title = DisplayText.of(created.summary().title());
        this.scopes = IntegrationsView.scopeNames(created.summary().scopes());
        this.expires = Dates.shown(created.summary().expiresAt(), "Never");
        this.mcpUrl = mcpUrl;
    }

    public String getToken() {
        return token;
    }

    public String getTokenTitle() {
        return title;
    }

    public String getScopes() {
        return scopes;
    }

    public String getExpires() {
        return expires;
    }

    public String getMcpUrl() {
        return mcpUrl;
    }

    public String getUrlForm() {
        return mcpUrl + "/" + token;
    }

    @Override
    public String toString() {
        return "TokenCreatedView[token=(redacted)]";
    }
}
