package dev.faultline.application.access;

import static dev.faultline.application.access.OAuthHarness.LOOPBACK;
import static dev.faultline.application.access.OAuthHarness.VERIFIER;
import static dev.faultline.application.access.OAuthHarness.failed;
import static dev.faultline.application.access.OAuthHarness.issued;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.RevokeToken;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.access.port.in.TokenOutcome.Error;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.Revocation;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenChain;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenUseCasesTest {
    static final String PORT_A = "http://127.0.0.1:50001/callback";

    final OAuthHarness h = new OAuthHarness();
    final Client claude = h.registerPublic("Claude", LOOPBACK);

    private TokenChain chainOf(TokenOutcome.Tokens tokens) {
        return h.chains.findById(tokens.chainId()).orElseThrow();
    }

    @Test
    void the_whole_flow_issues_audience_bound_tokens_and_rotates_the_refresh_token() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, PORT_A, "mcp:read mcp:write");

        AccessTokenClaims claims = h.codec.claimsOf(tokens.accessToken());
        assertThat(claims.issuer()).isEqualTo("https://faultline.example");
        assertThat(claims.audience().uri()).isEqualTo("https://faultline.example/mcp");
        assertThat(claims.subject()).isEqualTo(h.alice);
        assertThat(claims.clientId()).isEqualTo(claude.id());
        assertThat(claims.scopes()).isEqualTo(Scopes.READ_WRITE);
        assertThat(claims.chainId()).isEqualTo(tokens.chainId());
        assertThat(claims.expiresAt()).isEqualTo(h.clock.instant().plus(Duration.ofHours(1)));
        assertThat(tokens.expiresInSeconds()).isEqualTo(3600);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.refreshToken()).startsWith("flt_rt_");
        assertThat(tokens.toString()).doesNotContain(tokens.refreshToken()).doesNotContain(tokens.accessToken());

        h.clock.advance(Duration.ofMinutes(70));
        TokenOutcome.Tokens refreshed = issued(h.refresh(claude, tokens.refreshToken(), null));
        assertThat(refreshed.refreshToken()).isNotEqualTo(tokens.refreshToken());
        assertThat(refreshed.chainId()).isEqualTo(tokens.chainId());
        assertThat(chainOf(refreshed).generation()).isEqualTo(2);
        assertThat(chainOf(refreshed).lastUsedAt()).contains(h.clock.instant());
    }

    @Test
    void loopback_redirect_uris_may_use_any_port_but_the_token_request_must_repeat_the_same_one() {
        String code = h.codeFor(claude, PORT_A, null);
        failed(h.exchange(ClientCredentials.publicClient(claude.id()), code, "http://127.0.0.1:50002/callback",
                VERIFIER), Error.INVALID_GRANT);
        issued(h.exchange(ClientCredentials.publicClient(claude.id()), code, PORT_A, VERIFIER));
    }

    @Test
    void a_required_parameter_absent_or_empty_is_invalid_request_in_the_order_the_grant_reads_them() {
        ClientCredentials credentials = ClientCredentials.publicClient(claude.id());
        assertThat(failed(h.exchange.exchange(new ExchangeAuthorizationCode.Command(credentials, Optional.of(""),
                Optional.empty(), Optional.empty(), Optional.of("https://evil.example/mcp"))), Error.INVALID_REQUEST)
                .description()).isEqualTo("code is required");
        assertThat(failed(h.exchange.exchange(new ExchangeAuthorizationCode.Command(credentials, Optional.of("c"),
                Optional.of(""), Optional.empty(), Optional.empty())), Error.INVALID_REQUEST).description())
                .isEqualTo("redirect_uri is required");
        assertThat(failed(h.exchange.exchange(new ExchangeAuthorizationCode.Command(credentials, Optional.of("c"),
                Optional.of(LOOPBACK), Optional.of(""), Optional.empty())), Error.INVALID_REQUEST).description())
                .isEqualTo("code_verifier is required (PKCE)");
        assertThat(failed(h.refresh.refresh(new RefreshTokens.Command(credentials, Optional.of(""), Optional.empty(),
                Optional.of("https://evil.example/mcp"))), Error.INVALID_REQUEST).description())
                .isEqualTo("refresh_token is required");
        assertThat(h.revoke.revoke(new RevokeToken.Command(credentials, Optional.of(""), Optional.empty())))
                .isEqualTo(new RevokeToken.Outcome.Failed(Error.INVALID_REQUEST, "token is required"));
    }

    @Test
    void a_wrong_or_missing_verifier_is_refused_and_the_code_stays_usable() {
        String code = h.codeFor(claude, LOOPBACK, null);
        TokenOutcome.Failed wrong = failed(h.exchange(ClientCredentials.publicClient(claude.id()), code, LOOPBACK,
                "x".repeat(43)), Error.INVALID_GRANT);
        assertThat(wrong.description()).isEqualTo("code_verifier does not match the code_challenge");
        assertThat(failed(h.exchange(ClientCredentials.publicClient(claude.id()), code, LOOPBACK, null),
                Error.INVALID_REQUEST).description()).isEqualTo("code_verifier is required (PKCE)");
        assertThat(failed(h.exchange(ClientCredentials.publicClient(claude.id()), code, LOOPBACK, "short"),
                Error.INVALID_GRANT).description()).contains("43-128 characters");

        issued(h.exchange(ClientCredentials.publicClient(claude.id()), code, LOOPBACK, VERIFIER));
    }

    @Test
    void an_expired_code_is_refused() {
        String code = h.codeFor(claude, LOOPBACK, null);
        h.clock.advance(Duration.ofSeconds(60));
        assertThat(failed(h.exchange(ClientCredentials.publicClient(claude.id()), code, LOOPBACK, VERIFIER),
                Error.INVALID_GRANT).description()).contains("expired");
    }

    @Test
    void a_replayed_code_is_refused_and_revokes_the_chain_it_produced() {
        String code = h.codeFor(claude, LOOPBACK, null);
        TokenOutcome.Tokens tokens = issued(h.exchange(ClientCredentials.publicClient(claude.id()), code, LOOPBACK,
                VERIFIER));

        h.clock.advance(Duration.ofSeconds(5));
        TokenOutcome.Failed replay = failed(h.exchange(ClientCredentials.publicClient(claude.id()), code, LOOPBACK,
                VERIFIER), Error.INVALID_GRANT);

        assertThat(replay.description()).contains("already used");
        assertThat(chainOf(tokens).revocation())
                .contains(new Revocation(RevocationReason.CODE_REPLAY, h.clock.instant()));
        failed(h.refresh(claude, tokens.refreshToken(), null), Error.INVALID_GRANT);
    }

    @Test
    void a_code_presented_by_another_client_or_for_another_resource_is_refused() {
        Client other = h.registerPublic("Other", LOOPBACK);
        String code = h.codeFor(claude, LOOPBACK, null);
        assertThat(failed(h.exchange(ClientCredentials.publicClient(other.id()), code, LOOPBACK, VERIFIER),
                Error.INVALID_GRANT).description()).isEqualTo("authorization code was issued to another client");
        assertThat(failed(h.exchange.exchange(new ExchangeAuthorizationCode.Command(
                ClientCredentials.publicClient(claude.id()), Optional.of(code), Optional.of(LOOPBACK), Optional.of(VERIFIER),
                Optional.of("https://evil.example/mcp"))),
                Error.INVALID_TARGET).description()).contains("\"https://evil.example/mcp\"");
        assertThat(failed(h.exchange(ClientCredentials.publicClient(claude.id()), "flt_ac_nonsense", LOOPBACK,
                VERIFIER), Error.INVALID_GRANT).description()).isEqualTo("authorization code is not recognised");
        failed(h.exchange(ClientCredentials.publicClient(new dev.faultline.domain.access.ClientId("ghost")), code,
                LOOPBACK, VERIFIER), Error.INVALID_CLIENT);
        issued(h.exchange(ClientCredentials.publicClient(claude.id()), code, LOOPBACK, VERIFIER));
    }

    @Test
    void a_confidential_client_must_authenticate_with_its_method_and_secret() {
        var registered = h.registered(h.register.register(new ClientRegistrationRequest("Agent",
                List.of("https://agent.example/cb"), List.of("authorization_code", "refresh_token"), null, null,
                null, null, null, null)));
        Client agent = registered.client();
        String secret = registered.clientSecret().orElseThrow();
        String code = h.codeFor(agent, "https://agent.example/cb", null);

        TokenOutcome.Failed wrongSecret = failed(h.exchange(new ClientCredentials.SecretBasic(agent.id(),
                "flt_cs_wrong"), code, "https://agent.example/cb", VERIFIER), Error.INVALID_CLIENT);
        assertThat(wrongSecret.description()).isEqualTo("client authentication failed: wrong client_secret");
        failed(h.exchange(new ClientCredentials.SecretPost(agent.id(), secret),
                code, "https://agent.example/cb", VERIFIER), Error.INVALID_CLIENT);
        failed(h.exchange(ClientCredentials.publicClient(agent.id()), code, "https://agent.example/cb", VERIFIER),
                Error.INVALID_CLIENT);

        issued(h.exchange(new ClientCredentials.SecretBasic(agent.id(), secret),
                code, "https://agent.example/cb", VERIFIER));
    }

    @Test
    void presenting_a_rotated_refresh_token_revokes_the_whole_chain() {
        TokenOutcome.Tokens first = h.tokensFor(claude, LOOPBACK, null);
        TokenOutcome.Tokens second = issued(h.refresh(claude, first.refreshToken(), null));
        h.clock.advance(h.policy.refreshReuseGrace());

        TokenOutcome.Failed reuse = failed(h.refresh(claude, first.refreshToken(), null), Error.INVALID_GRANT);

        assertThat(reuse.description()).contains("already used");
        assertThat(chainOf(second).revocation().map(Revocation::reason)).contains(RevocationReason.REFRESH_REUSE);
        assertThat(failed(h.refresh(claude, second.refreshToken(), null), Error.INVALID_GRANT).description())
                .isEqualTo("refresh token has been revoked");
    }

    @Test
    void within_the_default_grace_the_previous_token_is_refused_without_revoking_and_later_it_revokes() {
        assertThat(h.policy.refreshReuseGrace()).isEqualTo(Duration.ofSeconds(10));
        TokenOutcome.Tokens first = h.tokensFor(claude, LOOPBACK, null);
        TokenOutcome.Tokens second = issued(h.refresh(claude, first.refreshToken(), null));

        h.clock.advance(Duration.ofSeconds(9));
        TokenOutcome.Failed loser = failed(h.refresh(claude, first.refreshToken(), null), Error.INVALID_GRANT);
        assertThat(loser.description()).isEqualTo(RefreshTokensService.JUST_ROTATED);
        assertThat(chainOf(second).isRevoked()).isFalse();
        assertThat(chainOf(second).generation()).as("nothing issued for the previous token").isEqualTo(2);
        TokenOutcome.Tokens third = issued(h.refresh(claude, second.refreshToken(), null));

        h.clock.advance(Duration.ofSeconds(1));
        failed(h.refresh(claude, first.refreshToken(), null), Error.INVALID_GRANT);
        assertThat(chainOf(third).revocation().map(Revocation::reason))
                .as("an older token is reuse even within the grace").contains(RevocationReason.REFRESH_REUSE);
    }

    @Test
    void after_the_grace_the_previous_token_is_reuse_and_revokes_the_chain() {
        TokenOutcome.Tokens first = h.tokensFor(claude, LOOPBACK, null);
        TokenOutcome.Tokens second = issued(h.refresh(claude, first.refreshToken(), null));

        h.clock.advance(Duration.ofSeconds(10));
        assertThat(failed(h.refresh(claude, first.refreshToken(), null), Error.INVALID_GRANT).description())
                .isEqualTo(RefreshTokensService.REUSED);
        assertThat(chainOf(second).revocation())
                .contains(new Revocation(RevocationReason.REFRESH_REUSE, h.clock.instant()));
    }

    @Test
    void strict_rotation_revokes_on_any_reuse_at_once() {
        OAuthHarness strict = new OAuthHarness(AccessPolicy.defaults("https://faultline.example")
                .withRefreshReuseGrace(Duration.ZERO));
        Client client = strict.registerPublic("Claude", LOOPBACK);
        TokenOutcome.Tokens first = strict.tokensFor(client, LOOPBACK, null);
        issued(strict.refresh(client, first.refreshToken(), null));

        failed(strict.refresh(client, first.refreshToken(), null), Error.INVALID_GRANT);
        assertThat(strict.chains.findById(first.chainId()).orElseThrow().isRevoked()).isTrue();
    }

    @Test
    void refresh_scope_may_narrow_but_never_widen() {
        TokenOutcome.Tokens readOnly = h.tokensFor(claude, LOOPBACK, "mcp:read");
        assertThat(failed(h.refresh(claude, readOnly.refreshToken(), "mcp:read mcp:write"), Error.INVALID_SCOPE)
                .description()).contains("exceeds the scope granted");

        TokenOutcome.Tokens both = h.tokensFor(claude, LOOPBACK, "mcp:read mcp:write");
        TokenOutcome.Tokens narrowed = issued(h.refresh(claude, both.refreshToken(), "mcp:read"));
        assertThat(narrowed.scopes()).isEqualTo(Scopes.READ_ONLY);
        assertThat(h.codec.claimsOf(narrowed.accessToken()).scopes()).isEqualTo(Scopes.READ_ONLY);
        TokenOutcome.Tokens again = issued(h.refresh(claude, narrowed.refreshToken(), null));
        assertThat(again.scopes()).as("the grant itself is unchanged").isEqualTo(Scopes.READ_WRITE);
        failed(h.refresh(claude, again.refreshToken(), "mcp:delete"), Error.INVALID_SCOPE);
    }

    @Test
    void offline_access_and_openid_are_ignored_on_refresh_never_granted_nor_echoed() {
        TokenOutcome.Tokens both = h.tokensFor(claude, LOOPBACK, "mcp:read mcp:write offline_access openid");
        assertThat(both.scopes()).isEqualTo(Scopes.READ_WRITE);
        TokenOutcome.Tokens same = issued(h.refresh(claude, both.refreshToken(), "offline_access"));
        assertThat(same.scopes()).as("nothing grantable asked: the grant's scope").isEqualTo(Scopes.READ_WRITE);
        TokenOutcome.Tokens narrowed = issued(h.refresh(claude, same.refreshToken(), "openid mcp:read offline_access"));
        assertThat(narrowed.scopes()).isEqualTo(Scopes.READ_ONLY);
        assertThat(h.codec.claimsOf(narrowed.accessToken()).scopes()).isEqualTo(Scopes.READ_ONLY);
        failed(h.refresh(claude, narrowed.refreshToken(), "offline_access profile"), Error.INVALID_SCOPE);
    }

    @Test
    void a_refresh_token_of_another_client_is_refused_without_revoking() {
        Client other = h.registerPublic("Other", LOOPBACK);
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);

        assertThat(failed(h.refresh(other, tokens.refreshToken(), null), Error.INVALID_GRANT).description())
                .isEqualTo("refresh token was issued to another client");
        assertThat(chainOf(tokens).isRevoked()).isFalse();
        failed(h.refresh(claude, "flt_rt_unknown", null), Error.INVALID_GRANT);
        assertThat(failed(h.refresh.refresh(new RefreshTokens.Command(ClientCredentials.publicClient(claude.id()),
                Optional.of(tokens.refreshToken()), Optional.empty(), Optional.of("https://evil.example/mcp"))), Error.INVALID_TARGET)).isNotNull();
    }

    @Test
    void an_expired_refresh_token_is_refused() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);
        h.clock.advance(Duration.ofDays(30));
        assertThat(failed(h.refresh(claude, tokens.refreshToken(), null), Error.INVALID_GRANT).description())
                .contains("expired");
    }

    @Test
    void a_grant_refreshed_every_day_still_ends_at_its_absolute_lifetime() {
        OAuthHarness shortGrants = new OAuthHarness(new AccessPolicy("https://faultline.example",
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofDays(30), Duration.ofHours(24), Duration.ZERO,
                Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(3), 500));
        Client client = shortGrants.registerPublic("Claude", LOOPBACK);
        AuthenticateBearerService bearer = new AuthenticateBearerService(shortGrants.codec, shortGrants.chains,
                new AuthenticatePersonalTokenService(new dev.faultline.adapters.inmemory.access.InMemoryPersonalTokens(),
                        shortGrants.clock), shortGrants.policy, shortGrants.clock);
        TokenOutcome.Tokens tokens = shortGrants.tokensFor(client, LOOPBACK, null);
        java.time.Instant end = shortGrants.clock.instant().plus(Duration.ofDays(3));
        for (int day = 0; day < 2; day++) {
            shortGrants.clock.advance(Duration.ofDays(1));
            tokens = issued(shortGrants.refresh(client, tokens.refreshToken(), null));
            assertThat(shortGrants.chains.findById(tokens.chainId()).orElseThrow().refreshExpiresAt()).isEqualTo(end);
        }
        shortGrants.clock.advance(Duration.between(shortGrants.clock.instant(), end).minusMinutes(30));
        tokens = issued(shortGrants.refresh(client, tokens.refreshToken(), null)); // at the limit: still works
        assertThat(bearer.authenticate(tokens.accessToken()))
                .isInstanceOf(dev.faultline.application.access.port.in.AuthenticateBearer.Outcome.Authenticated.class);

        shortGrants.clock.advance(Duration.ofMinutes(30)); // the grant's end: one past the limit
        assertThat(failed(shortGrants.refresh(client, tokens.refreshToken(), null), Error.INVALID_GRANT).description())
                .contains("grant ended").contains("3 days");
        assertThat(bearer.authenticate(tokens.accessToken()))
                .as("its access token, though not expired itself, ends with the grant")
                .isEqualTo(new dev.faultline.application.access.port.in.AuthenticateBearer.Outcome.Refused(
                        "the access token's grant has ended; authorize again"));
    }

    private RevokeToken.Outcome revoke(Client client, String token, String hint) {
        return h.revoke.revoke(new RevokeToken.Command(ClientCredentials.publicClient(client.id()),
                Optional.ofNullable(token), Optional.ofNullable(hint)));
    }

    @Test
    void revoking_a_refresh_token_revokes_its_chain() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);
        assertThat(revoke(claude, tokens.refreshToken(), "refresh_token"))
                .isEqualTo(new RevokeToken.Outcome.Accepted(Optional.of(tokens.chainId())));
        assertThat(chainOf(tokens).revocation().map(Revocation::reason)).contains(RevocationReason.CLIENT_REVOKED);
        failed(h.refresh(claude, tokens.refreshToken(), null), Error.INVALID_GRANT);
    }

    @Test
    void revoking_an_access_token_revokes_its_chain_whatever_the_hint() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);
        assertThat(revoke(claude, tokens.accessToken(), "refresh_token"))
                .isEqualTo(new RevokeToken.Outcome.Accepted(Optional.of(tokens.chainId())));
        assertThat(chainOf(tokens).isRevoked()).isTrue();
    }

    @Test
    void unknown_tokens_are_fine_and_another_clients_token_is_ignored_not_revoked() {
        Client other = h.registerPublic("Other", LOOPBACK);
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);

        assertThat(revoke(claude, "flt_rt_unknown", null)).isEqualTo(new RevokeToken.Outcome.Accepted(Optional.empty()));
        assertThat(revoke(other, tokens.refreshToken(), null))
                .isEqualTo(new RevokeToken.Outcome.Accepted(Optional.empty()));
        assertThat(revoke(other, tokens.accessToken(), "access_token"))
                .isEqualTo(new RevokeToken.Outcome.Accepted(Optional.empty()));
        assertThat(chainOf(tokens).isRevoked()).isFalse();
        issued(h.refresh(claude, tokens.refreshToken(), null));
    }

    @Test
    void revocation_requires_client_authentication() {
        var registered = h.registered(h.register.register(new ClientRegistrationRequest("Agent",
                List.of("https://agent.example/cb"), null, null, "client_secret_post", null, null, null, null)));
        RevokeToken.Outcome outcome = h.revoke.revoke(new RevokeToken.Command(
                new ClientCredentials.SecretPost(registered.client().id(), "flt_cs_wrong"),
                Optional.of("x"), Optional.empty()));
        assertThat(outcome).isInstanceOf(RevokeToken.Outcome.Failed.class);
        assertThat(((RevokeToken.Outcome.Failed) outcome).error()).isEqualTo(Error.INVALID_CLIENT);
    }
}
