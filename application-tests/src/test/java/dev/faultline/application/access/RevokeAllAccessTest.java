package dev.faultline.application.access;

import static dev.faultline.application.access.OAuthHarness.LOOPBACK;
import static dev.faultline.application.access.OAuthHarness.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.inmemory.access.InMemoryBrowserSessions;
import dev.faultline.adapters.inmemory.access.InMemoryPersonalTokens;
import dev.faultline.application.access.port.in.AuthenticatePersonalToken;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.port.in.RevokeAllAccess;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevokeAllAccessTest {
    final OAuthHarness h = new OAuthHarness();
    final InMemoryPersonalTokens personalTokens = new InMemoryPersonalTokens();
    final CreatePersonalTokenService createToken = new CreatePersonalTokenService(personalTokens, h.grantLocks,
            new SequentialSecrets(), h.transactions, h.clock);
    final AuthenticatePersonalTokenService authenticate = new AuthenticatePersonalTokenService(personalTokens, h.clock);
    final InMemoryBrowserSessions sessions = new InMemoryBrowserSessions();
    final RevokeAllAccess revokeAll = new RevokeAllAccessService(h.grantLocks, h.codes, h.chains, personalTokens, sessions,
            h.transactions, h.clock);
    final Client claude = h.registerPublic("Claude", LOOPBACK);
    final Client cursor = h.registerPublic("Cursor", "https://cursor.example/cb");

    private String personalToken(UserId owner, String title) {
        return createToken.create(CreatePersonalToken.Command.of(owner, title, "mcp:read", null)).token();
    }

    @Test
    void ends_every_grant_of_every_client_and_every_personal_token_of_the_user_only() {
        TokenOutcome.Tokens claudeOne = h.tokensFor(claude, LOOPBACK, null);
        TokenOutcome.Tokens claudeTwo = h.tokensFor(claude, LOOPBACK, "mcp:write");
        TokenOutcome.Tokens cursorOne = h.tokensFor(cursor, "https://cursor.example/cb", null);
        String laptop = personalToken(h.alice, "laptop");
        String ci = personalToken(h.alice, "CI");
        UserId bob = UserId.random();
        String bobs = personalToken(bob, "bob's");

        assertThat(revokeAll.revokeAll(RevokeAllAccess.Command.appsAndTokens(h.alice))).isEqualTo(new RevokeAllAccess.Result(3, 2, 0));

        failed(h.refresh(claude, claudeOne.refreshToken(), null), TokenOutcome.Error.INVALID_GRANT);
        failed(h.refresh(claude, claudeTwo.refreshToken(), null), TokenOutcome.Error.INVALID_GRANT);
        failed(h.refresh(cursor, cursorOne.refreshToken(), null), TokenOutcome.Error.INVALID_GRANT);
        assertThat(authenticate.authenticate(laptop)).isEqualTo(new AuthenticatePersonalToken.Outcome.Refused(AuthenticatePersonalToken.Reason.REVOKED));
        assertThat(authenticate.authenticate(ci)).isEqualTo(new AuthenticatePersonalToken.Outcome.Refused(AuthenticatePersonalToken.Reason.REVOKED));
        assertThat(authenticate.authenticate(bobs)).isInstanceOf(AuthenticatePersonalToken.Outcome.Authenticated.class);
        assertThat(h.integrations.listFor(h.alice)).isEmpty();
    }

    @Test
    void expired_grants_and_tokens_are_revoked_too_and_revoking_again_changes_nothing_and_says_zero() {
        h.tokensFor(claude, LOOPBACK, null);
        createToken.create(CreatePersonalToken.Command.of(h.alice, "short", "mcp:read",
                h.clock.instant().plus(Duration.ofDays(1))));
        h.clock.advance(Duration.ofDays(40));

        assertThat(revokeAll.revokeAll(RevokeAllAccess.Command.appsAndTokens(h.alice))).isEqualTo(new RevokeAllAccess.Result(1, 1, 0));
        Instant revokedAt = h.clock.instant();
        h.clock.advance(Duration.ofMinutes(1));
        assertThat(revokeAll.revokeAll(RevokeAllAccess.Command.appsAndTokens(h.alice))).isEqualTo(new RevokeAllAccess.Result(0, 0, 0));
        assertThat(revokeAll.revokeAll(RevokeAllAccess.Command.appsAndTokens(UserId.random()))).isEqualTo(new RevokeAllAccess.Result(0, 0, 0));
        assertThat(personalTokens.listForUser(h.alice)).singleElement()
                .satisfies(token -> assertThat(token.revokedAt()).contains(revokedAt));
    }

    @Test
    void a_code_approved_just_before_revoking_can_no_longer_start_a_grant() {
        String pendingClaude = h.codeFor(claude, LOOPBACK, null);
        String pendingCursor = h.codeFor(cursor, "https://cursor.example/cb", null);

        h.revokeIntegration.revoke(h.alice, claude.id());
        failed(h.exchange(ClientCredentials.publicClient(claude.id()), pendingClaude, LOOPBACK, OAuthHarness.VERIFIER),
                TokenOutcome.Error.INVALID_GRANT);
        revokeAll.revokeAll(RevokeAllAccess.Command.appsAndTokens(h.alice));
        failed(h.exchange(ClientCredentials.publicClient(cursor.id()), pendingCursor, "https://cursor.example/cb",
                OAuthHarness.VERIFIER), TokenOutcome.Error.INVALID_GRANT);

        assertThat(h.integrations.listFor(h.alice)).isEmpty();
    }

    private BrowserSession signedIn(UserId user) {
        BrowserSession session = BrowserSession.start(BrowserSessionId.random(), TokenHash.of(UUID.randomUUID().toString()),
                user, BrowserSession.Lifetimes.defaults(), h.clock.instant());
        sessions.add(session);
        return session;
    }

    @Test
    void every_browser_session_of_the_user_can_be_ended_too() {
        BrowserSession here = signedIn(h.alice);
        BrowserSession elsewhere = signedIn(h.alice);
        BrowserSession bobs = signedIn(UserId.random());
        h.tokensFor(claude, LOOPBACK, null);

        assertThat(revokeAll.revokeAll(RevokeAllAccess.Command.everything(h.alice)))
                .isEqualTo(new RevokeAllAccess.Result(1, 0, 2));

        assertThat(sessions.findByHash(here.tokenHash()).orElseThrow().revokedAt()).isPresent();
        assertThat(sessions.findByHash(elsewhere.tokenHash()).orElseThrow().revokedAt()).isPresent();
        assertThat(sessions.findByHash(bobs.tokenHash()).orElseThrow().revokedAt()).isEmpty();
    }
}
