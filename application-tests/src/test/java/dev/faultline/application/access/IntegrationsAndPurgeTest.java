package dev.faultline.application.access;

import static dev.faultline.application.access.OAuthHarness.LOOPBACK;
import static dev.faultline.application.access.OAuthHarness.failed;
import static dev.faultline.application.access.OAuthHarness.issued;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.ListIntegrations.Integration;
import dev.faultline.application.access.port.in.ListSecurityEvents.Kind;
import dev.faultline.application.access.port.in.ListSecurityEvents.SecurityEvent;
import dev.faultline.application.access.port.in.PurgeExpiredGrants;
import dev.faultline.application.access.port.in.RevokeIntegration;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegrationsAndPurgeTest {
    final OAuthHarness h = new OAuthHarness();
    final Client claude = h.registerPublic("Claude", LOOPBACK);
    final Client cursor = h.registerPublic("Cursor", "https://cursor.example/cb");

    @Test
    void lists_one_row_per_client_with_the_union_of_scopes_and_latest_times() {
        Instant firstApproval = h.clock.instant();
        TokenOutcome.Tokens read = h.tokensFor(claude, LOOPBACK, "mcp:read");
        h.clock.advance(Duration.ofMinutes(5));
        TokenOutcome.Tokens write = h.tokensFor(claude, LOOPBACK, "mcp:write");
        h.clock.advance(Duration.ofMinutes(5));
        issued(h.refresh(claude, read.refreshToken(), null));
        Instant used = h.clock.instant();
        h.clock.advance(Duration.ofMinutes(5));
        h.tokensFor(cursor, "https://cursor.example/cb", null);

        List<Integration> rows = h.integrations.listFor(h.alice);

        assertThat(rows).extracting(Integration::clientName).containsExactly("Cursor", "Claude");
        Integration claudeRow = rows.get(1);
        assertThat(claudeRow.scopes()).isEqualTo(Scopes.READ_WRITE);
        assertThat(claudeRow.selfRegistered()).isTrue();
        assertThat(claudeRow.redirectHost()).isEqualTo("127.0.0.1");
        assertThat(claudeRow.lastApprovedAt()).isEqualTo(firstApproval.plus(Duration.ofMinutes(5)));
        assertThat(claudeRow.lastUsedAt()).contains(used);
        assertThat(claudeRow.activeSessions()).isEqualTo(2);
        assertThat(rows.get(0).redirectHost()).isEqualTo("cursor.example");
        assertThat(write.chainId()).isNotEqualTo(read.chainId());
        assertThat(h.integrations.listFor(dev.faultline.domain.account.UserId.random())).isEmpty();
    }

    @Test
    void revoking_an_integration_ends_every_chain_of_that_client_for_that_user_at_once() {
        TokenOutcome.Tokens one = h.tokensFor(claude, LOOPBACK, null);
        TokenOutcome.Tokens two = h.tokensFor(claude, LOOPBACK, null);
        TokenOutcome.Tokens other = h.tokensFor(cursor, "https://cursor.example/cb", null);

        assertThat(h.revokeIntegration.revoke(h.alice, claude.id())).isEqualTo(new RevokeIntegration.Result(2));
        assertThat(h.revokeIntegration.revoke(h.alice, claude.id())).isEqualTo(new RevokeIntegration.Result(0));

        failed(h.refresh(claude, one.refreshToken(), null), TokenOutcome.Error.INVALID_GRANT);
        failed(h.refresh(claude, two.refreshToken(), null), TokenOutcome.Error.INVALID_GRANT);
        issued(h.refresh(cursor, other.refreshToken(), null));
        assertThat(h.integrations.listFor(h.alice)).extracting(Integration::clientName).containsExactly("Cursor");
    }

    @Test
    void reuse_of_a_refresh_token_and_replay_of_a_code_show_up_as_security_events_newest_first() {
        TokenOutcome.Tokens stolen = h.tokensFor(claude, LOOPBACK, null);
        issued(h.refresh(claude, stolen.refreshToken(), null));
        h.clock.advance(Duration.ofMinutes(10));
        Instant reusedAt = h.clock.instant();
        failed(h.refresh(claude, stolen.refreshToken(), null), TokenOutcome.Error.INVALID_GRANT);
        h.clock.advance(Duration.ofMinutes(10));
        String code = h.codeFor(cursor, "https://cursor.example/cb", null);
        issued(h.exchange(ClientCredentials.publicClient(cursor.id()), code, "https://cursor.example/cb",
                OAuthHarness.VERIFIER));
        Instant replayedAt = h.clock.instant();
        failed(h.exchange(ClientCredentials.publicClient(cursor.id()), code, "https://cursor.example/cb",
                OAuthHarness.VERIFIER), TokenOutcome.Error.INVALID_GRANT);
        h.revokeIntegration.revoke(h.alice, claude.id());

        assertThat(h.securityEvents.listFor(h.alice)).containsExactly(
                new SecurityEvent(replayedAt, Kind.AUTHORIZATION_CODE_REPLAYED, cursor.id(), Optional.of("Cursor"), true),
                new SecurityEvent(reusedAt, Kind.REFRESH_TOKEN_REUSED, claude.id(), Optional.of("Claude"), true));
        assertThat(h.securityEvents.listFor(dev.faultline.domain.account.UserId.random())).isEmpty();
    }

    @Test
    void a_user_revoking_an_integration_is_not_a_security_event() {
        h.tokensFor(claude, LOOPBACK, null);
        h.revokeIntegration.revoke(h.alice, claude.id());

        assertThat(h.securityEvents.listFor(h.alice)).isEmpty();
    }

    @Test
    void purge_removes_expired_codes_abandoned_clients_and_ended_chains_past_retention_only() {
        String unusedCode = h.codeFor(cursor, "https://cursor.example/cb", null);
        TokenOutcome.Tokens revoked = h.tokensFor(claude, LOOPBACK, null);
        h.revokeIntegration.revoke(h.alice, claude.id());
        TokenOutcome.Tokens live = h.tokensFor(cursor, "https://cursor.example/cb", null);
        Client abandoned = h.registerPublic("Never used", LOOPBACK);

        assertThat(h.purge.purge()).isEqualTo(new PurgeExpiredGrants.Result(0, 0, 0));

        h.clock.advance(Duration.ofDays(7).plusSeconds(61));
        issued(h.refresh(cursor, live.refreshToken(), null));
        PurgeExpiredGrants.Result result = h.purge.purge();

        assertThat(result).isEqualTo(new PurgeExpiredGrants.Result(3, 1, 1));
        assertThat(h.codes.findByHash(TokenHash.of(unusedCode))).isEmpty();
        assertThat(h.chains.findById(revoked.chainId())).isEmpty();
        assertThat(h.chains.findById(live.chainId())).isPresent();
        assertThat(h.clients.findById(abandoned.id())).isEmpty();
        assertThat(h.clients.findById(claude.id())).isPresent();
        assertThat(h.purge.purge().total()).isZero();
    }

    @Test
    void a_security_event_outlives_the_ended_grant_retention_and_goes_after_its_own() {
        TokenOutcome.Tokens stolen = h.tokensFor(claude, LOOPBACK, null);
        issued(h.refresh(claude, stolen.refreshToken(), null));
        h.clock.advance(h.policy.refreshReuseGrace());
        failed(h.refresh(claude, stolen.refreshToken(), null), TokenOutcome.Error.INVALID_GRANT);

        h.clock.advance(h.policy.endedGrantRetention().plusDays(1));
        h.purge.purge();
        assertThat(h.securityEvents.listFor(h.alice)).hasSize(1);

        h.clock.advance(h.policy.securityEventRetention());
        h.purge.purge();
        assertThat(h.securityEvents.listFor(h.alice)).isEmpty();
    }

    @Test
    void purge_works_through_more_rows_than_one_batch() {
        OAuthHarness small = new OAuthHarness(new AccessPolicy("https://faultline.example", Duration.ofSeconds(60),
                Duration.ofHours(1), Duration.ofDays(30), Duration.ofHours(24), Duration.ZERO, Duration.ofDays(7),
                Duration.ofDays(7), Duration.ofDays(90), 2));
        for (int i = 0; i < 5; i++) {
            small.registerPublic("c" + i, LOOPBACK);
        }
        small.clock.advance(Duration.ofDays(2));
        assertThat(small.purge.purge().clients()).isEqualTo(5);
    }
}
