package dev.faultline.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.access.InMemoryBrowserSessions;
import dev.faultline.adapters.inmemory.access.InMemoryGrantLocks;
import dev.faultline.adapters.inmemory.account.InMemoryUsers;
import dev.faultline.application.access.port.in.EndBrowserSession;
import dev.faultline.application.access.port.in.PurgeEndedBrowserSessions;
import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.application.access.port.in.StartBrowserSession;
import dev.faultline.application.access.testing.FakeSecretGenerator;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.CsrfToken;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrowserSessionUseCasesTest {
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    private final InMemoryBrowserSessions sessions = new InMemoryBrowserSessions();
    private final InMemoryUsers users = new InMemoryUsers();
    private final BrowserSession.Lifetimes lifetimes = BrowserSession.Lifetimes.defaults();
    private final StartBrowserSession start = new StartBrowserSessionService(sessions, new InMemoryGrantLocks(), new FakeSecretGenerator(),
            new InMemoryTransactions(), lifetimes, clock);
    private final ResolveBrowserSession resolve = new ResolveBrowserSessionService(sessions, users, lifetimes, clock);
    private final EndBrowserSession end = new EndBrowserSessionService(sessions, clock);
    private final PurgeEndedBrowserSessions purge = new PurgeEndedBrowserSessionsService(sessions, clock);
    private final User ada = Fixtures.user();

    BrowserSessionUseCasesTest() {
        users.add(ada);
    }

    private StartBrowserSession.Started signIn() {
        return start.start(new StartBrowserSession.Command(ada.id(), Optional.empty()));
    }

    private ResolveBrowserSession.Outcome.SignedIn signedIn(String secret) {
        ResolveBrowserSession.Outcome outcome = resolve.resolve(secret);
        assertThat(outcome).isInstanceOf(ResolveBrowserSession.Outcome.SignedIn.class);
        return (ResolveBrowserSession.Outcome.SignedIn) outcome;
    }

    @Test
    void a_started_session_resolves_to_its_user_with_a_csrf_token_bound_to_it() {
        StartBrowserSession.Started started = signIn();

        ResolveBrowserSession.Outcome.SignedIn who = signedIn(started.secret());

        assertThat(started.secret()).startsWith("flt_ses_");
        assertThat(started.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(who.user()).isEqualTo(ada.id());
        assertThat(who.email()).isEqualTo(ada.email());
        assertThat(who.sessionId()).isEqualTo(started.sessionId());
        assertThat(who.csrf()).isEqualTo(CsrfToken.boundTo(started.secret()));
        assertThat(sessions.findByHash(TokenHash.of(started.secret()))).isPresent();
        assertThat(started.toString()).doesNotContain(started.secret());
    }

    @Test
    void missing_malformed_and_unknown_secrets_are_not_signed_in() {
        signIn();
        for (String secret : new String[] {null, "", "garbage", "flt_ses_unknown", "flt_ses_" + "x".repeat(300)}) {
            assertThat(resolve.resolve(secret)).as(String.valueOf(secret))
                    .isEqualTo(new ResolveBrowserSession.Outcome.NotSignedIn());
        }
    }

    @Test
    void signing_in_again_ends_the_previous_session_of_that_browser() {
        StartBrowserSession.Started first = signIn();

        StartBrowserSession.Started second = start.start(
                new StartBrowserSession.Command(ada.id(), Optional.of(first.secret())));

        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(resolve.resolve(first.secret())).isEqualTo(new ResolveBrowserSession.Outcome.NotSignedIn());
        assertThat(signedIn(second.secret()).csrf()).isNotEqualTo(CsrfToken.boundTo(first.secret()));
    }

    @Test
    void ending_a_session_signs_out_at_once_and_is_idempotent() {
        StartBrowserSession.Started started = signIn();

        assertThat(end.end(started.secret())).isEqualTo(new EndBrowserSession.Outcome.Ended(started.sessionId()));
        assertThat(resolve.resolve(started.secret())).isEqualTo(new ResolveBrowserSession.Outcome.NotSignedIn());
        assertThat(end.end(started.secret())).isEqualTo(new EndBrowserSession.Outcome.NothingToEnd());
        assertThat(end.end(null)).isEqualTo(new EndBrowserSession.Outcome.NothingToEnd());
    }

    @Test
    void a_session_times_out_when_idle_but_stays_alive_while_used() {
        StartBrowserSession.Started started = signIn();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofHours(6));
            signedIn(started.secret());
        }
        clock.advance(Duration.ofHours(12));

        assertThat(resolve.resolve(started.secret())).isEqualTo(new ResolveBrowserSession.Outcome.NotSignedIn());
    }

    @Test
    void a_session_ends_after_its_absolute_lifetime_however_active() {
        StartBrowserSession.Started started = signIn();
        Instant end = started.expiresAt();
        while (clock.instant().plus(Duration.ofHours(6)).isBefore(end)) {
            clock.advance(Duration.ofHours(6));
            signedIn(started.secret());
        }
        clock.set(end);

        assertThat(resolve.resolve(started.secret())).isEqualTo(new ResolveBrowserSession.Outcome.NotSignedIn());
    }

    @Test
    void activity_is_written_at_most_once_per_interval() {
        StartBrowserSession.Started started = signIn();
        TokenHash hash = TokenHash.of(started.secret());
        Instant startedAt = clock.instant();

        clock.advance(Duration.ofMinutes(3));
        signedIn(started.secret());
        assertThat(sessions.findByHash(hash).orElseThrow().lastSeenAt()).isEqualTo(startedAt);

        clock.advance(Duration.ofMinutes(3));
        signedIn(started.secret());
        assertThat(sessions.findByHash(hash).orElseThrow().lastSeenAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_session_of_a_user_who_no_longer_exists_is_not_signed_in() {
        User gone = Fixtures.user();
        StartBrowserSession.Started started = start.start(new StartBrowserSession.Command(gone.id(), Optional.empty()));

        assertThat(resolve.resolve(started.secret())).isEqualTo(new ResolveBrowserSession.Outcome.NotSignedIn());
    }

    @Test
    void the_purge_deletes_sessions_ended_longer_than_the_retention_ago() {
        StartBrowserSession.Started ended = signIn();
        end.end(ended.secret());
        clock.advance(Duration.ofHours(1));
        StartBrowserSession.Started live = signIn();

        assertThat(purge.purgeEndedBrowserSessions(Duration.ofHours(2), 10)).isZero();
        clock.advance(Duration.ofHours(2));
        signedIn(live.secret());
        assertThat(purge.purgeEndedBrowserSessions(Duration.ofHours(2), 10)).isEqualTo(1);
        assertThat(sessions.findByHash(TokenHash.of(ended.secret()))).isEmpty();
        assertThat(sessions.findByHash(TokenHash.of(live.secret()))).isPresent();
    }
}
