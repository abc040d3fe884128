package dev.faultline.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.access.InMemoryAuthorizationCodes;
import dev.faultline.adapters.inmemory.access.InMemoryClients;
import dev.faultline.adapters.inmemory.access.InMemoryGrantLocks;
import dev.faultline.adapters.inmemory.access.InMemoryTokenChains;
import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.access.testing.FakeAccessTokenCodec;
import dev.faultline.application.access.testing.FakeSecretGenerator;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.account.UserId;
import java.util.List;
import java.util.Optional;

/** Every access use case wired on the in-memory adapters with a test clock, plus the steps of the OAuth dance. */
final class OAuthHarness {
    static final String ISSUER = "https://faultline.example";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = PkceChallenge.derivedFrom(VERIFIER).value();
    static final String LOOPBACK = "http://127.0.0.1/callback";

    final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    final AccessPolicy policy;
    final InMemoryClients clients = new InMemoryClients();
    final InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes();
    final InMemoryTokenChains chains = new InMemoryTokenChains();
    final FakeSecretGenerator secrets = new FakeSecretGenerator();
    final FakeAccessTokenCodec codec = new FakeAccessTokenCodec();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    /** One set of grant locks for every use case, as in production, so issuing and revoking exclude each other. */
    final InMemoryGrantLocks grantLocks = new InMemoryGrantLocks();

    final RegisterClientService register;
    final BeginAuthorizationService begin;
    final ApproveAuthorizationService approve;
    final DenyAuthorizationService deny;
    final ExchangeAuthorizationCodeService exchange;
    final RefreshTokensService refresh;
    final RevokeTokenService revoke;
    final ListIntegrationsService integrations;
    final RevokeIntegrationService revokeIntegration;
    final ListSecurityEventsService securityEvents;
    final PurgeExpiredGrantsService purge;

    final UserId alice = UserId.random();

    OAuthHarness() {
        this(AccessPolicy.defaults(ISSUER));
    }

    OAuthHarness(AccessPolicy policy) {
        this.policy = policy;
        register = new RegisterClientService(clients, secrets, clock);
        begin = new BeginAuthorizationService(clients, policy);
        approve = new ApproveAuthorizationService(clients, codes, grantLocks, secrets, transactions, policy, clock);
        deny = new DenyAuthorizationService(clients);
        exchange = new ExchangeAuthorizationCodeService(clients, codes, chains, grantLocks, secrets, codec, transactions, policy,
                clock);
        refresh = new RefreshTokensService(clients, chains, grantLocks, secrets, codec, transactions, policy, clock);
        revoke = new RevokeTokenService(clients, chains, codec, policy, clock);
        integrations = new ListIntegrationsService(clients, chains, clock);
        revokeIntegration = new RevokeIntegrationService(grantLocks, codes, chains, transactions, clock);
        securityEvents = new ListSecurityEventsService(clients, chains);
        purge = new PurgeExpiredGrantsService(clients, codes, chains, policy, clock);
    }

    Client registerPublic(String name, String... redirectUris) {
        return registered(register.register(new ClientRegistrationRequest(name, List.of(redirectUris),
                List.of("authorization_code", "refresh_token"), List.of("code"), "none", null, null, null,
                "native"))).client();
    }

    RegisterClient.Outcome.Registered registered(RegisterClient.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RegisterClient.Outcome.Registered.class);
        return (RegisterClient.Outcome.Registered) outcome;
    }

    static BeginAuthorization.Request authorize(Client client, String redirectUri, String scope) {
        return new BeginAuthorization.Request(client.id().value(), redirectUri, "code", scope, "xyz", CHALLENGE,
                "S256", null);
    }

    BeginAuthorization.Outcome.ShowConsent consent(BeginAuthorization.Request request) {
        BeginAuthorization.Outcome outcome = begin.begin(request);
        assertThat(outcome).isInstanceOf(BeginAuthorization.Outcome.ShowConsent.class);
        return (BeginAuthorization.Outcome.ShowConsent) outcome;
    }

    /** Runs authorize + approve; returns the code sent to the redirect URI. */
    String codeFor(Client client, String redirectUri, String scope) {
        BeginAuthorization.ValidRequest valid = consent(authorize(client, redirectUri, scope)).request();
        AuthorizationResponse response = approve.approve(alice, valid);
        assertThat(response).isInstanceOf(AuthorizationResponse.RedirectTo.class);
        AuthorizationResponse.Redirect redirect = ((AuthorizationResponse.RedirectTo) response).redirect();
        assertThat(redirect.redirectUri()).isEqualTo(redirectUri);
        assertThat(redirect.parameter("state")).contains("xyz");
        return redirect.parameter("code").orElseThrow();
    }

    TokenOutcome exchange(ClientCredentials credentials, String code, String redirectUri, String verifier) {
        return exchange.exchange(new ExchangeAuthorizationCode.Command(credentials, Optional.ofNullable(code),
                Optional.ofNullable(redirectUri), Optional.ofNullable(verifier), Optional.empty()));
    }

    TokenOutcome.Tokens tokensFor(Client client, String redirectUri, String scope) {
        return issued(exchange(ClientCredentials.publicClient(client.id()), codeFor(client, redirectUri, scope),
                redirectUri, VERIFIER));
    }

    TokenOutcome refresh(Client client, String refreshToken, String scope) {
        return refresh.refresh(new RefreshTokens.Command(ClientCredentials.publicClient(client.id()),
                Optional.ofNullable(refreshToken), Optional.ofNullable(scope), Optional.empty()));
    }

    static TokenOutcome.Tokens issued(TokenOutcome outcome) {
        assertThat(outcome).isInstanceOf(TokenOutcome.Issued.class);
        return ((TokenOutcome.Issued) outcome).tokens();
    }

    static TokenOutcome.Failed failed(TokenOutcome outcome, TokenOutcome.Error error) {
        assertThat(outcome).isInstanceOf(TokenOutcome.Failed.class);
        TokenOutcome.Failed failed = (TokenOutcome.Failed) outcome;
        assertThat(failed.error()).as(failed.description()).isEqualTo(error);
        return failed;
    }
}
