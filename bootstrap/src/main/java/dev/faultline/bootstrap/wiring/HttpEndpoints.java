package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.http.oauth.AuthorizationServerMetadataResource;
import dev.faultline.adapters.http.oauth.ClientRegistrationResource;
import dev.faultline.adapters.http.oauth.JwksResource;
import dev.faultline.adapters.http.oauth.OAuthErrorResponseFilter;
import dev.faultline.adapters.http.oauth.RevocationResource;
import dev.faultline.adapters.http.oauth.TokenResource;
import dev.faultline.adapters.http.pages.AssetsResource;
import dev.faultline.adapters.http.pages.AuthorizeResource;
import dev.faultline.adapters.http.pages.LoginResource;
import dev.faultline.adapters.http.pages.PageSecurityHeaders;
import dev.faultline.adapters.http.session.SessionCookies;
import io.dropwizard.jersey.setup.JerseyEnvironment;

/** Registers every HTTP endpoint of Faultline with Jersey, each wired to its use cases. */
public final class HttpEndpoints {
    private HttpEndpoints() {
    }

    public static void register(Faultline faultline, JerseyEnvironment jersey) {
        OAuthUseCases oauth = faultline.oauth();
        jersey.register(new AuthorizationServerMetadataResource(oauth.policy()));
        jersey.register(new JwksResource(oauth.publishSigningKeys()));
        jersey.register(new ClientRegistrationResource(oauth.registerClient()));
        jersey.register(new TokenResource(oauth.exchangeAuthorizationCode(), oauth.refreshTokens()));
        jersey.register(new RevocationResource(oauth.revokeToken()));
        jersey.register(new OAuthErrorResponseFilter());

        BrowserSessionUseCases sessions = faultline.browserSessions();
        SessionCookies cookies = SessionCookies.forIssuer(oauth.policy().issuer());
        jersey.register(new LoginResource(faultline.account().signIn(), sessions.start(), sessions.resolve(),
                sessions.end(), cookies, oauth.policy()));
        jersey.register(new AuthorizeResource(oauth.beginAuthorization(), oauth.approveAuthorization(),
                oauth.denyAuthorization(), sessions.resolve(), cookies, oauth.policy()));
        jersey.register(new AssetsResource());
        jersey.register(new PageSecurityHeaders());
    }
}
