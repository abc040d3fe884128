package dev.faultline.adapters.pages;

import dev.faultline.application.access.port.in.ListIntegrations;
import dev.faultline.application.access.port.in.ListPersonalTokens;
import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.application.access.port.in.ListSecurityEvents;
import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.domain.account.UserId;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/** Renders My Integrations (and its revoke-all confirmation) from the use cases that list what is connected. */
public final class IntegrationsPage {
    private final ListIntegrations listIntegrations;
    private final ListPersonalTokens listTokens;
    private final ListSecurityEvents listSecurityEvents;
    private final String mcpUrl;

    public IntegrationsPage(ListIntegrations listIntegrations, ListPersonalTokens listTokens,
            ListSecurityEvents listSecurityEvents, String mcpUrl) {
        this.listIntegrations = Objects.requireNonNull(listIntegrations);
        this.listTokens = Objects.requireNonNull(listTokens);
        this.listSecurityEvents = Objects.requireNonNull(listSecurityEvents);
        this.mcpUrl = Objects.requireNonNull(mcpUrl);
    }

    /** @param notice what the last change left to say, or {@code null} */
    Response.ResponseBuilder render(int status, ResolveBrowserSession.Outcome.SignedIn signedIn, Notice notice,
            TokenForm form) {
        UserId user = signedIn.user();
        return Pages.html(status, new IntegrationsView(Navigation.of(signedIn), listIntegrations.listFor(user),
                listTokens.list(user), listSecurityEvents.listFor(user), notice, form, mcpUrl));
    }

    /** "Revoke all access?", with how many apps and active tokens would end. */
    Response.ResponseBuilder renderRevokeAll(ResolveBrowserSession.Outcome.SignedIn signedIn) {
        UserId user = signedIn.user();
        long activeTokens = listTokens.list(user).stream()
                .filter(token -> token.status() == PersonalTokenSummary.Status.ACTIVE).count();
        return Pages.html(200, new RevokeAllView(Navigation.of(signedIn), listIntegrations.listFor(user).size(),
                activeTokens));
    }

    String mcpUrl() {
        return mcpUrl;
    }
}
