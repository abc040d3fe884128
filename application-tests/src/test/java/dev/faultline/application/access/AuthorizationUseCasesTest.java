package dev.faultline.application.access;

import static dev.faultline.application.access.OAuthHarness.CHALLENGE;
import static dev.faultline.application.access.OAuthHarness.LOOPBACK;
import static dev.faultline.application.access.OAuthHarness.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.BeginAuthorization.Outcome;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientAuthMethod;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.RegistrationError;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.ScopeOffer;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationUseCasesTest {
    final OAuthHarness h = new OAuthHarness();

    @Test
    void registering_a_confidential_client_hands_out_the_secret_once_and_stores_only_its_hash() {
        RegisterClient.Outcome.Registered registered = h.registered(h.register.register(new ClientRegistrationRequest(
                "Agent", List.of("https://agent.example/cb"), null, null, "client_secret_post", null, null, null,
                null)));

        String secret = registered.clientSecret().orElseThrow();
        Client stored = h.clients.findById(registered.client().id()).orElseThrow();
        assertThat(stored.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(stored.secretHash()).contains(TokenHash.of(secret));
        assertThat(stored.registeredAt()).isEqualTo(h.clock.instant());
        assertThat(registered.toString()).doesNotContain(secret);
    }

    @Test
    void registering_a_public_client_gives_no_secret_and_a_refusal_stores_nothing() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        assertThat(client.secretHash()).isEmpty();

        RegisterClient.Outcome refused = h.register.register(new ClientRegistrationRequest("Evil",
                List.of("http://evil.example/cb"), null, null, "none", null, null, null, null));
        assertThat(refused).isEqualTo(new RegisterClient.Outcome.Refused(RegistrationError.INVALID_REDIRECT_URI,
                "redirect_uri \"http://evil.example/cb\" uses http on a non-loopback host; use https, or http with"
                        + " 127.0.0.1, [::1] or localhost"));
        assertThat(h.clients.purgeAbandoned(h.clock.instant().plusSeconds(1), 100)).isEqualTo(1); // only Claude
    }

    @Test
    void a_valid_request_shows_consent_with_defaults_filled_in() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        Outcome.ShowConsent consent = h.consent(authorize(client, "http://127.0.0.1:53682/callback", null));

        assertThat(consent.clientName()).isEqualTo("Claude");
        assertThat(consent.selfRegistered()).isTrue();
        assertThat(consent.redirectHost()).isEqualTo("127.0.0.1");
        assertThat(consent.scopeChoices()).containsExactly(new ScopeOffer.Choice(Scope.READ, true, true),
                new ScopeOffer.Choice(Scope.WRITE, false, false));
        assertThat(consent.request().scopes()).isEqualTo(Scopes.READ_ONLY);
        assertThat(consent.request().resource().uri()).isEqualTo("https://faultline.example/mcp");
        assertThat(consent.request().redirectUri()).isEqualTo("http://127.0.0.1:53682/callback");
        assertThat(consent.request().state()).contains("xyz");
    }

    @Test
    void an_unknown_client_or_unregistered_redirect_uri_is_an_error_page_never_a_redirect() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        assertThat(h.begin.begin(new BeginAuthorization.Request("nope", LOOPBACK, "code", null, "s", CHALLENGE,
                "S256", null))).isEqualTo(new Outcome.ErrorPage("client_id \"nope\" is not a registered client"));
        assertThat(h.begin.begin(new BeginAuthorization.Request(null, LOOPBACK, "code", null, "s", CHALLENGE,
                "S256", null))).isEqualTo(new Outcome.ErrorPage("client_id is required"));
        assertThat(h.begin.begin(authorize(client, "http://evil.example/cb", null))).isEqualTo(new Outcome.ErrorPage(
                "redirect_uri \"http://evil.example/cb\" is not registered for this client"));
        assertThat(h.begin.begin(authorize(client, null, null)))
                .isEqualTo(new Outcome.ErrorPage("redirect_uri is required"));
    }

    private AuthorizationResponse.Redirect redirectedWithError(BeginAuthorization.Request request, String error) {
        Outcome outcome = h.begin.begin(request);
        assertThat(outcome).isInstanceOf(Outcome.RedirectWithError.class);
        AuthorizationResponse.Redirect redirect = ((Outcome.RedirectWithError) outcome).redirect();
        assertThat(redirect.parameter("error")).contains(error);
        assertThat(redirect.parameter("state")).contains("xyz");
        assertThat(redirect.redirectUri()).isEqualTo(request.redirectUri());
        return redirect;
    }

    @Test
    void pkce_is_required_and_only_s256() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        String id = client.id().value();
        assertThat(redirectedWithError(new BeginAuthorization.Request(id, LOOPBACK, "code", null, "xyz", null, null,
                null), "invalid_request").parameter("error_description")).contains(
                "code_challenge is required (PKCE with S256)");
        assertThat(redirectedWithError(new BeginAuthorization.Request(id, LOOPBACK, "code", null, "xyz", null, "S256",
                null), "invalid_request").parameter("error_description").orElseThrow())
                .contains("code_challenge_method was sent without a code_challenge");
        assertThat(redirectedWithError(new BeginAuthorization.Request(id, LOOPBACK, "code", null, "xyz", CHALLENGE,
                "plain", null), "invalid_request").parameter("error_description").orElseThrow())
                .contains("\"plain\" is not supported; use S256");
        assertThat(redirectedWithError(new BeginAuthorization.Request(id, LOOPBACK, "code", null, "xyz", CHALLENGE,
                null, null), "invalid_request").parameter("error_description").orElseThrow())
                .contains("an absent method means plain");
    }

    @Test
    void response_type_scope_and_resource_are_checked() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        String id = client.id().value();
        redirectedWithError(new BeginAuthorization.Request(id, LOOPBACK, "token", null, "xyz", CHALLENGE, "S256",
                null), "unsupported_response_type");
        redirectedWithError(new BeginAuthorization.Request(id, LOOPBACK, null, null, "xyz", CHALLENGE, "S256",
                null), "invalid_request");
        assertThat(redirectedWithError(authorize(client, LOOPBACK, "mcp:read mcp:admin"), "invalid_scope")
                .parameter("error_description").orElseThrow()).contains("unknown scope \"mcp:admin\"");
        assertThat(redirectedWithError(new BeginAuthorization.Request(id, LOOPBACK, "code", null, "xyz", CHALLENGE,
                "S256", "https://other.example/mcp"), "invalid_target").parameter("error_description").orElseThrow())
                .isEqualTo("resource \"https://other.example/mcp\" is not served by this authorization server; use"
                        + " \"https://faultline.example/mcp\"");
        assertThat(h.begin.begin(new BeginAuthorization.Request(id, LOOPBACK, "code", "mcp:read mcp:write", "xyz",
                CHALLENGE, "S256", "https://faultline.example/mcp"))).isInstanceOf(Outcome.ShowConsent.class);
    }

    @Test
    void a_client_registered_for_mcp_read_may_step_up_to_mcp_write_with_consent() {
        Client readOnly = h.registered(h.register.register(new ClientRegistrationRequest("R", List.of(LOOPBACK), null,
                null, "none", "mcp:read", null, null, null))).client();
        Outcome.ShowConsent consent = h.consent(authorize(readOnly, LOOPBACK, "mcp:read mcp:write"));
        assertThat(consent.request().scopes()).isEqualTo(Scopes.READ_WRITE);
    }

    @Test
    void offline_access_and_openid_at_authorize_are_accepted_and_ignored() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        Outcome.ShowConsent both = h.consent(authorize(client, LOOPBACK, "offline_access mcp:read openid mcp:write"));
        assertThat(both.request().scopes()).isEqualTo(Scopes.READ_WRITE);
        assertThat(both.scopeChoices()).extracting(ScopeOffer.Choice::scope).containsExactly(Scope.READ, Scope.WRITE);
        Outcome.ShowConsent onlyIgnored = h.consent(authorize(client, LOOPBACK, "openid offline_access"));
        assertThat(onlyIgnored.request().scopes()).as("the default, as with no scope").isEqualTo(Scopes.READ_ONLY);
        assertThat(redirectedWithError(authorize(client, LOOPBACK, "mcp:read offline_access profile"),
                "invalid_scope").parameter("error_description").orElseThrow()).contains("unknown scope \"profile\"");
    }

    @Test
    void a_registration_drops_unknown_scopes_and_grant_types_and_says_what_it_registered() {
        Client client = h.registered(h.register.register(new ClientRegistrationRequest("claudeai",
                List.of("https://claude.ai/api/mcp/auth_callback"),
                List.of("authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"),
                List.of("code"), "client_secret_post", "claudeai", null, null, null))).client();
        assertThat(client.scopeCeiling()).isEqualTo(ClientRegistrationRequest.DEFAULT_SCOPE);
        assertThat(client.grantTypes()).containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
        assertThat(h.clients.findById(client.id()).orElseThrow().scopeCeiling())
                .isEqualTo(ClientRegistrationRequest.DEFAULT_SCOPE);
    }

    @Test
    void a_dangerous_redirect_uri_among_good_ones_refuses_the_registration_and_stores_nothing() {
        RegisterClient.Outcome refused = h.register.register(new ClientRegistrationRequest("Evil",
                List.of("cursor://anysphere.cursor-mcp/oauth/callback", "javascript://x/%0Aalert(1)"), null, null,
                "none", null, null, null, null));
        assertThat(refused).isInstanceOf(RegisterClient.Outcome.Refused.class);
        assertThat(((RegisterClient.Outcome.Refused) refused).error()).isEqualTo(RegistrationError.INVALID_REDIRECT_URI);
        assertThat(((RegisterClient.Outcome.Refused) refused).description()).contains("\"javascript:\" is not allowed");
        assertThat(h.clients.purgeAbandoned(h.clock.instant().plusSeconds(1), 100)).isZero();
    }

    @Test
    void an_unknown_scope_is_refused_with_invalid_scope() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        assertThat(redirectedWithError(authorize(client, LOOPBACK, "mcp:admin"), "invalid_scope")
                .parameter("error_description").orElseThrow()).contains("unknown scope \"mcp:admin\"");
    }

    @Test
    void approving_issues_a_code_and_marks_the_client_authorized() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        String code = h.codeFor(client, "http://127.0.0.1:40000/callback", "mcp:read");

        assertThat(code).startsWith("flt_ac_");
        assertThat(h.codes.findByHash(TokenHash.of(code)).orElseThrow().expiresAt())
                .isEqualTo(h.clock.instant().plusSeconds(60));
        assertThat(h.clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).contains(h.clock.instant());
    }

    @Test
    void denying_sends_access_denied_with_the_state() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        BeginAuthorization.ValidRequest valid = h.consent(authorize(client, LOOPBACK, null)).request();

        AuthorizationResponse response = h.deny.deny(valid);

        AuthorizationResponse.Redirect redirect = ((AuthorizationResponse.RedirectTo) response).redirect();
        assertThat(redirect.parameter("error")).contains("access_denied");
        assertThat(redirect.parameter("state")).contains("xyz");
        assertThat(redirect.parameter("code")).isEmpty();
        assertThat(h.clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).isEmpty();
    }

    @Test
    void approving_for_a_client_that_was_purged_meanwhile_is_an_error_page() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        BeginAuthorization.ValidRequest valid = h.consent(authorize(client, LOOPBACK, null)).request();
        h.clock.advance(Duration.ofHours(25));
        h.purge.purge();

        assertThat(h.approve.approve(h.alice, valid)).isInstanceOf(AuthorizationResponse.ErrorPage.class);
        assertThat(h.deny.deny(valid)).isInstanceOf(AuthorizationResponse.ErrorPage.class);
    }

    @Test
    void approving_read_only_of_a_read_and_write_request_issues_a_read_only_code() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        BeginAuthorization.ValidRequest valid = h.consent(authorize(client, LOOPBACK, "mcp:read mcp:write")).request();

        String code = codeIn(h.approve.approve(h.alice, valid, List.of("mcp:read")));

        assertThat(h.codes.findByHash(TokenHash.of(code)).orElseThrow().scopes()).isEqualTo(Scopes.READ_ONLY);
    }

    @Test
    void ticking_the_offered_write_on_a_read_request_issues_a_read_and_write_code() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        BeginAuthorization.ValidRequest valid = h.consent(authorize(client, LOOPBACK, "mcp:read")).request();

        String code = codeIn(h.approve.approve(h.alice, valid, List.of("mcp:read", "mcp:write")));

        assertThat(h.codes.findByHash(TokenHash.of(code)).orElseThrow().scopes()).isEqualTo(Scopes.READ_WRITE);
    }

    @Test
    void approving_with_nothing_ticked_or_an_unoffered_scope_issues_nothing_and_says_why() {
        Client client = h.registerPublic("Claude", LOOPBACK);
        BeginAuthorization.ValidRequest writeOnly = h.consent(authorize(client, LOOPBACK, "mcp:write")).request();

        assertThat(h.approve.approve(h.alice, writeOnly, List.of()))
                .isInstanceOf(AuthorizationResponse.ScopeChoiceRefused.class);
        assertThat(((AuthorizationResponse.ScopeChoiceRefused) h.approve.approve(h.alice, writeOnly,
                List.of("mcp:write", "mcp:read"))).message())
                .isEqualTo("The form asked to allow \"mcp:read\", which this request did not offer (it offered"
                        + " mcp:write).");
        assertThat(h.clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).isEmpty();
    }

    private static String codeIn(AuthorizationResponse response) {
        return ((AuthorizationResponse.RedirectTo) response).redirect().parameter("code").orElseThrow();
    }
}
