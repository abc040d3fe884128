package dev.faultline.adapters.pages;

import dev.faultline.application.access.port.in.ListIntegrations.Integration;
import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.application.access.port.in.ListSecurityEvents.Kind;
import dev.faultline.application.access.port.in.ListSecurityEvents.SecurityEvent;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.Scopes;
import java.util.List;
import java.util.stream.Collectors;

/**
 * My Integrations: the apps connected through OAuth (one row per app), the personal tokens with the form that
 * creates one, the security events that suggest a stolen token, and "revoke everything". Every name an app chose
 * for itself passes through {@link DisplayText}.
 */
public final class IntegrationsView extends PageView {
    private final List<IntegrationRow> integrations;
    private final List<TokenRow> tokens;
    private final List<EventRow> events;
    private final String notice;
    private final TokenForm form;
    private final String mcpUrl;

    IntegrationsView(Navigation navigation, List<Integration> integrations, List<PersonalTokenSummary> tokens,
            List<SecurityEvent> events, Notice notice, TokenForm form, String mcpUrl) {
        super("integrations.mustache", "My Integrations", navigation);
        this.integrations = integrations.stream().map(IntegrationRow::of).toList();
        this.tokens = tokens.stream().map(TokenRow::of).toList();
        this.events = events.stream().map(EventRow::of).toList();
        this.notice = notice == null ? null : notice.message();
        this.form = form;
        this.mcpUrl = mcpUrl;
    }

    @Override
    public boolean isWide() {
        return true;
    }

    public List<IntegrationRow> getIntegrations() {
        return integrations;
    }

    public List<TokenRow> getTokens() {
        return tokens;
    }

    public List<EventRow> getEvents() {
        return events;
    }

    public String getNotice() {
        return notice;
    }

    public TokenForm getForm() {
        return form;
    }

    public String getMcpUrl() {
        return mcpUrl;
    }

    public String getCsrf() {
        return getNavigation().csrf();
    }

    public boolean hasIntegrations() {
        return !integrations.isEmpty();
    }

    public boolean hasTokens() {
        return !tokens.isEmpty();
    }

    public boolean hasEvents() {
        return !events.isEmpty();
    }

    public boolean isAnythingToRevoke() {
        return !integrations.isEmpty() || tokens.stream().anyMatch(TokenRow::active);
    }

    static String scopeNames(Scopes scopes) {
        return scopes.values().stream().map(Scope::wireName).collect(Collectors.joining(" "));
    }

    /** Short words for a table cell; the consent page has the full sentences. */
    static String scopeWords(Scopes scopes) {
        if (scopes.includes(Scope.WRITE)) {
            return scopes.includes(Scope.READ) ? "Read, and change issues and notes" : "Change issues and notes";
        }
        return scopes.includes(Scope.READ) ? "Read only" : "Nothing";
    }

    /**
     * One connected app. {@code identifiedBy}: for a client identified by its metadata document, the host of its
     * client ID URL, shown as the consent page shows it; null for a registered client.
     */
    public record IntegrationRow(String clientId, String name, boolean selfRegistered, String identifiedBy,
            String redirectHost, String scopes, String scopeWords, String approved, String approvedIso,
            String lastUsed, int sessions, String ends, String endsIso) {

        static IntegrationRow of(Integration integration) {
            return new IntegrationRow(integration.clientId().value(), DisplayText.of(integration.clientName()),
                    integration.selfRegistered(), integration.verifiedOrigin().map(DisplayText::of).orElse(null),
                    DisplayText.of(integration.redirectHost()),
                    scopeNames(integration.scopes()), IntegrationsView.scopeWords(integration.scopes()),
                    Dates.shown(integration.lastApprovedAt()), Dates.machine(integration.lastApprovedAt()),
                    Dates.shown(integration.lastUsedAt(), "Not yet"), integration.activeSessions(),
                    Dates.shown(integration.endsAt()), Dates.machine(integration.endsAt()));
        }

        public boolean severalSessions() {
            return sessions > 1;
        }
    }

    /** One personal token; only active ones can be revoked. */
    public record TokenRow(String id, String title, String scopes, String scopeWords, String created, String lastUsed,
            String expires, String status, boolean active) {

        static TokenRow of(PersonalTokenSummary token) {
            String status = switch (token.status()) {
                case ACTIVE -> "Active";
                case EXPIRED -> "Expired";
                case REVOKED -> "Revoked " + Dates.shown(token.revokedAt().orElseThrow());
            };
            return new TokenRow(token.id().toString(), DisplayText.of(token.title()), scopeNames(token.scopes()),
                    IntegrationsView.scopeWords(token.scopes()), Dates.shown(token.createdAt()), Dates.shown(token.lastUsedAt(), "Never"),
                    Dates.shown(token.expiresAt(), "Never"), status,
                    token.status() == PersonalTokenSummary.Status.ACTIVE);
        }
    }

    /** A connection Faultline cut off because a token was presented twice. */
    public record EventRow(String when, String whenIso, String what, String client, boolean selfRegistered) {

        static EventRow of(SecurityEvent event) {
            String what = event.kind() == Kind.AUTHORIZATION_CODE_REPLAYED
                    ? "An authorization code was used a second time. Faultline cut off that connection."
                    : "A refresh token that had already been used was presented again. Faultline cut off that"
                            + " connection.";
            return new EventRow(Dates.shown(event.at()), Dates.machine(event.at()), what,
                    event.clientName().map(DisplayText::of).orElse("An app that no longer exists"),
                    event.selfRegistered());
        }
    }
}
