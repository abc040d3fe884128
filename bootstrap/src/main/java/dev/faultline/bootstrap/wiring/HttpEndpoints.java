package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.http.outage.StorageUnavailableMapper;
import dev.faultline.adapters.http.transport.MalformedHeaders;
import dev.faultline.adapters.http.transport.UnmatchedRequestHeaders;
import dev.faultline.adapters.http.transport.UnreadRequestBodies;
import dev.faultline.adapters.mcp.BearerChallenge;
import dev.faultline.adapters.mcp.McpAllowedOrigins;
import dev.faultline.adapters.mcp.McpBearerAuthFilter;
import dev.faultline.adapters.mcp.McpBrowserCors;
import dev.faultline.adapters.mcp.McpLimits;
import dev.faultline.adapters.mcp.McpOutageAnswer;
import dev.faultline.adapters.mcp.McpPrincipal;
import dev.faultline.adapters.mcp.McpRequestGuard;
import dev.faultline.adapters.mcp.McpResource;
import dev.faultline.adapters.mcp.McpServer;
import dev.faultline.adapters.mcp.ProtectedResourceMetadataResource;
import dev.faultline.adapters.mcp.tools.FaultlineTools;
import dev.faultline.adapters.oauth.AuthorizationServerMetadataResource;
import dev.faultline.adapters.oauth.BrowserClientCors;
import dev.faultline.adapters.oauth.ClientRegistrationResource;
import dev.faultline.adapters.oauth.JwksResource;
import dev.faultline.adapters.oauth.OAuthErrorResponseFilter;
import dev.faultline.adapters.oauth.OAuthOutageAnswer;
import dev.faultline.adapters.oauth.RegistrationLimits;
import dev.faultline.adapters.oauth.RevocationResource;
import dev.faultline.adapters.oauth.TokenResource;
import dev.faultline.adapters.pages.ApplicationSettingsResource;
import dev.faultline.adapters.pages.AssetsResource;
import dev.faultline.adapters.pages.AuthorizeResource;
import dev.faultline.adapters.pages.HomeResource;
import dev.faultline.adapters.pages.IntegrationsPage;
import dev.faultline.adapters.pages.IntegrationsResource;
import dev.faultline.adapters.pages.IssuesResource;
import dev.faultline.adapters.pages.LoginResource;
import dev.faultline.adapters.pages.PageFormLimit;
import dev.faultline.adapters.pages.PageOutageAnswer;
import dev.faultline.adapters.pages.PageSecurityHeaders;
import dev.faultline.adapters.pages.PersonalTokensResource;
import dev.faultline.adapters.pages.SettingsForms;
import dev.faultline.adapters.pages.session.SessionCookies;
import dev.faultline.application.access.ThrottleRegistrationsService;
import dev.faultline.bootstrap.config.McpSettings;
import dev.faultline.bootstrap.config.RegistrationSettings;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.util.List;

/** Registers every HTTP endpoint of Faultline with Jersey, each wired to its use cases. */
public final class HttpEndpoints {
    private static final String VERSION = "0.1.0";
    private static final int TOOLS_PAGE_SIZE = 50;

    private HttpEndpoints() {
    }

    public static void register(Faultline faultline, JerseyEnvironment jersey) {
        OAuthUseCases oauth = faultline.oauth();
        jersey.register(new AuthorizationServerMetadataResource(oauth.policy().issuer(), java.util.Optional.empty(),
                oauth.clientIdMetadataDocuments()));
        jersey.register(new JwksResource(oauth.publishSigningKeys()));
        RegistrationSettings registration = faultline.configuration().getRegistration();
        jersey.register(new ClientRegistrationResource(oauth.registerClient(),
                new ThrottleRegistrationsService(registration.getPerAddress(), registration.getWindow().toJavaDuration(),
                        faultline.clock()),
                new RegistrationLimits((int) registration.getMaxBodySize().toBytes(), registration.isTrustForwardedFor())));
        int maxTokenForm = (int) faultline.configuration().getTokenEndpoint().getMaxFormSize().toBytes();
        jersey.register(new TokenResource(oauth.exchangeAuthorizationCode(), oauth.refreshTokens(), maxTokenForm));
        jersey.register(new RevocationResource(oauth.revokeToken(), maxTokenForm));
        jersey.register(new UnreadRequestBodies());
        jersey.register(new UnmatchedRequestHeaders());
        jersey.register(new StorageUnavailableMapper(
                faultline.configuration().getDatabase().getUnavailableRetryAfter().toJavaDuration(),
                List.of(new OAuthOutageAnswer(), new McpOutageAnswer(), new PageOutageAnswer())));
        jersey.register(new MalformedHeaders());
        jersey.register(new OAuthErrorResponseFilter());
        jersey.register(new BrowserClientCors());

        BrowserSessionUseCases sessions = faultline.browserSessions();
        SessionCookies cookies = SessionCookies.forIssuer(oauth.policy().issuer());
        jersey.register(new LoginResource(faultline.account().signIn(), sessions.start(), sessions.resolve(),
                sessions.end(), cookies, oauth.policy().issuer(), registration.isTrustForwardedFor()));
        jersey.register(new AuthorizeResource(oauth.beginAuthorization(), oauth.approveAuthorization(),
                oauth.denyAuthorization(), sessions.resolve(), cookies, oauth.policy().issuer(),
                registration.isTrustForwardedFor()));
        PersonalTokenUseCases personalTokens = faultline.personalTokens();
        SettingsForms settingsForms = new SettingsForms(sessions.resolve(), cookies, oauth.policy().issuer());
        IntegrationsPage integrationsPage = new IntegrationsPage(oauth.listIntegrations(), personalTokens.list(),
                oauth.listSecurityEvents(), oauth.policy().mcpResource().uri());
        jersey.register(new IntegrationsResource(settingsForms, integrationsPage, oauth.revokeIntegration(),
                faultline.revokeAllAccess(), sessions.start()));
        jersey.register(new PersonalTokensResource(settingsForms, integrationsPage, personalTokens.create(),
                personalTokens.revoke(), faultline.clock()));
        IntakeUseCases intake = faultline.intake();
        jersey.register(new IssuesResource(sessions.resolve(), faultline.tracker().listApplications(),
                faultline.tracker().listIssues(), intake.getIssueInFull(), intake.getCrashReport(),
                faultline.account().lookUpDisplayNames(), cookies, oauth.policy().issuer()));
        jersey.register(new ApplicationSettingsResource(settingsForms, intake.getIngestSetup(),
                intake.createIngestKey(), intake.setIngestKeyEnabled(), intake.deleteIngestKey(),
                oauth.policy().issuer()));
        jersey.register(new HomeResource(oauth.policy().issuer()));
        jersey.register(new AssetsResource());
        jersey.register(new PageSecurityHeaders());
        jersey.register(new PageFormLimit((int) faultline.configuration().getPages().getMaxFormSize().toBytes()));

        String issuer = oauth.policy().issuer();
        BearerChallenge challenge = new BearerChallenge(issuer);
        TrackerUseCases tracker = faultline.tracker();
        FaultlineTools tools = new FaultlineTools(tracker.listApplications(), tracker.listIssues(), intake.getIssueInFull(),
                tracker.listEvents(), intake.getCrashReport(), tracker.resolveIssue(), tracker.reopenIssue(),
                tracker.muteIssue(), tracker.assignIssue(), tracker.addNote(), tracker.deleteNote(),
                faultline.intake().getIngestSetup(), issuer, faultline.configuration().getMcp().getRenderedIssueCache().toBytes());
        jersey.register(new McpRequestGuard(issuer, faultline.configuration().allowedOrigins()));
        jersey.register(new McpBrowserCors(new McpAllowedOrigins(issuer, faultline.configuration().allowedOrigins())));
        jersey.register(new AuthDynamicFeature(new McpBearerAuthFilter(faultline.authenticateBearer(), challenge)));
        jersey.register(new AuthValueFactoryProvider.Binder<>(McpPrincipal.class));
        jersey.register(new ProtectedResourceMetadataResource(issuer));
        McpSettings mcp = faultline.configuration().getMcp();
        jersey.register(new McpResource(new McpServer(tools.all(), VERSION, TOOLS_PAGE_SIZE), challenge,
                new McpLimits((int) mcp.getMaxBodySize().toBytes(), mcp.getMaxBatchLength(),
                        (int) mcp.getMaxResponseSize().toBytes())));
    }
}
