package dev.faultline.application.access;

import static dev.faultline.application.access.OAuthHarness.LOOPBACK;
import static dev.faultline.application.access.OAuthHarness.issued;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.inmemory.access.InMemoryPersonalTokens;
import dev.faultline.application.access.port.in.AuthenticateBearer;
import dev.faultline.application.access.port.in.AuthenticateBearer.Grant;
import dev.faultline.application.access.port.in.AuthenticateBearer.Outcome;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenChain;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthenticateBearerTest {
    private final OAuthHarness h = new OAuthHarness();
    private final InMemoryPersonalTokens personalStore = new InMemoryPersonalTokens();
    /** Through the chain state cache, as in production: every rule below must hold with it. */
    private final AuthenticateBearer authenticate = new AuthenticateBearerService(h.codec, h.chains,
            ChainStateCache.listeningTo(h.chains.changes(), h.chains, 100),
            new AuthenticatePersonalTokenService(personalStore, h.clock), h.policy, h.clock);
    private final Client claude = h.registerPublic("Claude", LOOPBACK);

    @Test
    void an_access_token_of_an_active_chain_authenticates_its_user_with_its_scopes() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, "mcp:read mcp:write");

        AuthenticateBearer.Caller caller = authenticated(authenticate.authenticate(tokens.accessToken()));

        assertThat(caller.user()).isEqualTo(h.alice);
        assertThat(caller.scopes()).isEqualTo(Scopes.READ_WRITE);
        assertThat(caller.may(Scope.WRITE)).isTrue();
        assertThat(caller.grant()).isEqualTo(new Grant.OAuth(claude.id(), tokens.chainId()));
    }

    @Test
    void revoking_the_integration_refuses_its_access_token_at_once() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);
        h.revokeIntegration.revoke(h.alice, claude.id());

        assertThat(refusal(authenticate.authenticate(tokens.accessToken()))).contains("revoked");
    }

    @Test
    void refresh_token_reuse_revokes_the_chain_and_the_access_token_issued_last() {
        TokenOutcome.Tokens first = h.tokensFor(claude, LOOPBACK, null);
        TokenOutcome.Tokens second = issued(h.refresh(claude, first.refreshToken(), null));
        h.clock.advance(h.policy.refreshReuseGrace());
        h.refresh(claude, first.refreshToken(), null); // theft signal: a rotated token presented again

        assertThat(refusal(authenticate.authenticate(second.accessToken()))).contains("revoked");
        assertThat(refusal(authenticate.authenticate(first.accessToken()))).contains("revoked");
    }

    @Test
    void expired_foreign_and_unknown_tokens_are_refused_with_a_reason() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);
        AccessTokenClaims claims = h.codec.claimsOf(tokens.accessToken());
        String foreign = h.codec.encode(new AccessTokenClaims(claims.issuer(), claims.subject(),
                new ProtectedResource("https://elsewhere.example/mcp"), claims.clientId(), claims.scopes(), "jti-2", claims.issuedAt(),
                claims.expiresAt(), claims.chainId()));

        assertThat(refusal(authenticate.authenticate(foreign))).contains("wrong audience");
        assertThat(refusal(authenticate.authenticate("garbage"))).contains("not valid");
        assertThat(refusal(authenticate.authenticate(" "))).contains("no bearer token");
        h.clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(refusal(authenticate.authenticate(tokens.accessToken()))).contains("expired");
    }

    @Test
    void a_chains_last_use_is_recorded_cheaply() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);
        Instant firstUse = h.clock.instant();
        authenticate.authenticate(tokens.accessToken());
        h.clock.advance(Duration.ofMinutes(1));
        authenticate.authenticate(tokens.accessToken());

        assertThat(chain(tokens).lastUsedAt()).contains(firstUse);
        h.clock.advance(TokenChain.USE_RECORDING_INTERVAL);
        authenticate.authenticate(tokens.accessToken());
        assertThat(chain(tokens).lastUsedAt()).contains(h.clock.instant());
    }

    @Test
    void personal_tokens_authenticate_through_the_same_door() {
        CreatePersonalToken.Created created = new CreatePersonalTokenService(personalStore, h.grantLocks, new SequentialSecrets(), h.transactions, h.clock)
                .create(CreatePersonalToken.Command.of(h.alice, "scripts", "mcp:read", null));

        AuthenticateBearer.Caller caller = authenticated(authenticate.authenticate(created.token()));
        assertThat(caller.user()).isEqualTo(h.alice);
        assertThat(caller.scopes()).isEqualTo(Scopes.READ_ONLY);
        assertThat(caller.grant()).isEqualTo(new Grant.PersonalToken(created.summary().id()));

        String mistyped = created.token().substring(0, created.token().length() - 1) + "x";
        assertThat(refusal(authenticate.authenticate(mistyped))).contains("malformed");
        assertThat(refusal(authenticate.authenticate(mistyped))).doesNotContain(mistyped);
    }

    @Test
    void unknown_revoked_and_expired_personal_tokens_are_refused_alike_and_only_o_auth_callers_can_step_up() {
        SequentialSecrets secrets = new SequentialSecrets();
        CreatePersonalTokenService create = new CreatePersonalTokenService(personalStore, h.grantLocks, secrets, h.transactions, h.clock);
        CreatePersonalToken.Created revoked = create.create(CreatePersonalToken.Command.of(h.alice, "r", "mcp:read", null));
        CreatePersonalToken.Created expiring = create.create(CreatePersonalToken.Command.of(h.alice, "e", "mcp:read",
                h.clock.instant().plus(Duration.ofDays(1))));
        CreatePersonalToken.Created live = create.create(CreatePersonalToken.Command.of(h.alice, "l", "mcp:read", null));
        String unknown = PersonalTokenFormat.fromBody("9".repeat(PersonalTokenFormat.BODY_LENGTH));
        new RevokePersonalTokenService(personalStore, h.clock).revoke(h.alice, revoked.summary().id());
        h.clock.advance(Duration.ofDays(2));

        String unknownReason = refusal(authenticate.authenticateInUrl(unknown));
        assertThat(unknownReason).isEqualTo("this personal access token is not valid (unknown, revoked or expired)");
        assertThat(refusal(authenticate.authenticateInUrl(revoked.token()))).isEqualTo(unknownReason);
        assertThat(refusal(authenticate.authenticateInUrl(expiring.token()))).isEqualTo(unknownReason);
        assertThat(refusal(authenticate.authenticate(revoked.token()))).isEqualTo(unknownReason);
        assertThat(authenticated(authenticate.authenticateInUrl(live.token())).canStepUp()).isFalse();
        assertThat(authenticated(authenticate.authenticate(h.tokensFor(claude, LOOPBACK, null).accessToken()))
                .canStepUp()).isTrue();
    }

    @Test
    void an_access_token_claiming_more_than_its_grant_gets_only_what_the_grant_holds() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, "mcp:read");
        AccessTokenClaims claims = h.codec.claimsOf(tokens.accessToken());
        String forged = h.codec.encode(new AccessTokenClaims(claims.issuer(), claims.subject(), claims.audience(),
                claims.clientId(), Scopes.READ_WRITE, "jti-forged", claims.issuedAt(), claims.expiresAt(),
                claims.chainId()));

        AuthenticateBearer.Caller caller = authenticated(authenticate.authenticate(forged));

        assertThat(caller.scopes()).isEqualTo(Scopes.READ_ONLY);
        assertThat(caller.may(Scope.WRITE)).isFalse();
    }

    @Test
    void the_url_form_takes_personal_tokens_only() {
        TokenOutcome.Tokens tokens = h.tokensFor(claude, LOOPBACK, null);
        CreatePersonalToken.Created created = new CreatePersonalTokenService(personalStore, h.grantLocks, new SequentialSecrets(), h.transactions, h.clock)
                .create(CreatePersonalToken.Command.of(h.alice, "scripts", "mcp:read", null));

        assertThat(refusal(authenticate.authenticateInUrl(tokens.accessToken())))
                .contains("only a personal access token").doesNotContain(tokens.accessToken());
        assertThat(refusal(authenticate.authenticateInUrl("flt_pat_short"))).contains("only a personal access token");
        assertThat(authenticated(authenticate.authenticateInUrl(created.token())).user()).isEqualTo(h.alice);
    }

    private TokenChain chain(TokenOutcome.Tokens tokens) {
        return h.chains.findById(tokens.chainId()).orElseThrow();
    }

    private static AuthenticateBearer.Caller authenticated(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Authenticated.class);
        return ((Outcome.Authenticated) outcome).caller();
    }

    private static String refusal(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) outcome).reason();
    }

}
