package dev.faultline.application.access.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.testing.Race;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BrowserSessions} must do. Times are whole seconds so that every store keeps them exactly. */
public abstract class BrowserSessionsContract {
    protected static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final BrowserSession.Lifetimes LIFETIMES = BrowserSession.Lifetimes.defaults();
    private static final Duration INTERVAL = BrowserSession.TOUCH_INTERVAL;

    private BrowserSessions sessions;
    private UserId alice;
    private UserId bob;

    /** The store under test, empty. Called once per test. */
    protected abstract BrowserSessions browserSessions();

    /** A user that exists in the store's world (a row in {@code users} for a database). */
    protected abstract UserId existingUser();

    @BeforeEach
    void setUpStore() {
        sessions = browserSessions();
        alice = existingUser();
        bob = existingUser();
    }

    protected static BrowserSession session(UserId user, Instant at) {
        return BrowserSession.start(BrowserSessionId.random(), TokenHash.of("flt_ses_" + UUID.randomUUID()), user,
                LIFETIMES, at);
    }

    private BrowserSession stored(BrowserSession session) {
        return sessions.findByHash(session.tokenHash()).orElseThrow();
    }

    @Test
    void a_stored_session_is_found_by_hash_with_every_field() {
        BrowserSession session = session(alice, T0);
        BrowserSession revoked = session(bob, T0).seenAt(T0.plusSeconds(600), LIFETIMES).revokedAt(T0.plusSeconds(700));
        sessions.add(session);
        sessions.add(revoked);

        assertThat(sessions.findByHash(session.tokenHash())).contains(session);
        assertThat(sessions.findByHash(revoked.tokenHash())).contains(revoked);
        assertThat(sessions.findByHash(TokenHash.of("flt_ses_unknown"))).isEmpty();
    }

    @Test
    void a_duplicate_id_or_hash_is_refused_and_changes_nothing() {
        BrowserSession original = session(alice, T0);
        sessions.add(original);
        BrowserSession sameId = new BrowserSession(original.id(), TokenHash.of("flt_ses_other"), bob, T0, T0,
                original.idleExpiresAt(), original.expiresAt(), Optional.empty());
        BrowserSession sameHash = session(bob, T0.plusSeconds(1));
        BrowserSession sameHashCopy = new BrowserSession(sameHash.id(), original.tokenHash(), bob, sameHash.createdAt(),
                sameHash.lastSeenAt(), sameHash.idleExpiresAt(), sameHash.expiresAt(), Optional.empty());

        assertThatThrownBy(() -> sessions.add(sameId)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sessions.add(sameHashCopy)).isInstanceOf(IllegalStateException.class);

        assertThat(stored(original)).isEqualTo(original);
        assertThat(sessions.findByHash(sameId.tokenHash())).isEmpty();
    }

    @Test
    void touching_records_activity_only_when_the_last_recorded_activity_is_stale() {
        BrowserSession session = session(alice, T0);
        sessions.add(session);

        Instant soon = T0.plusSeconds(60);
        assertThat(sessions.touch(session.id(), soon, soon.plus(LIFETIMES.idle()), soon.minus(INTERVAL))).isFalse();
        assertThat(stored(session).lastSeenAt()).isEqualTo(T0);

        Instant later = T0.plus(INTERVAL).plusSeconds(1);
        assertThat(sessions.touch(session.id(), later, later.plus(LIFETIMES.idle()), later.minus(INTERVAL))).isTrue();
        assertThat(stored(session).lastSeenAt()).isEqualTo(later);
        assertThat(stored(session).idleExpiresAt()).isEqualTo(later.plus(LIFETIMES.idle()));
        assertThat(stored(session).expiresAt()).isEqualTo(session.expiresAt());

        assertThat(sessions.touch(BrowserSessionId.random(), later, later.plusSeconds(1), later)).isFalse();
    }

    @Test
    void a_revoked_session_is_not_touched() {
        BrowserSession session = session(alice, T0);
        sessions.add(session);
        sessions.revoke(session.id(), T0.plusSeconds(1));

        Instant later = T0.plus(Duration.ofHours(1));
        assertThat(sessions.touch(session.id(), later, later.plus(LIFETIMES.idle()), later.minus(INTERVAL))).isFalse();
        assertThat(stored(session).lastSeenAt()).isEqualTo(T0);
    }

    @Test
    void of_many_concurrent_touches_at_most_one_writes() throws Exception {
        BrowserSession session = session(alice, T0);
        sessions.add(session);
        Instant now = T0.plusSeconds(900);

        List<Boolean> results = Race.concurrently(8,
                i -> sessions.touch(session.id(), now, now.plus(LIFETIMES.idle()), now.minus(INTERVAL)));

        assertThat(results).containsOnlyOnce(true);
        assertThat(stored(session).lastSeenAt()).isEqualTo(now);
    }

    @Test
    void revoking_is_a_compare_and_set_that_keeps_the_first_time() {
        BrowserSession session = session(alice, T0);
        sessions.add(session);

        assertThat(sessions.revoke(session.id(), T0.plusSeconds(60))).isTrue();
        assertThat(sessions.revoke(session.id(), T0.plusSeconds(120))).isFalse();

        assertThat(stored(session).revokedAt()).contains(T0.plusSeconds(60));
        assertThat(sessions.revoke(BrowserSessionId.random(), T0)).isFalse();
    }

    @Test
    void of_many_concurrent_revocations_exactly_one_wins() throws Exception {
        BrowserSession session = session(alice, T0);
        sessions.add(session);

        List<Boolean> results = Race.concurrently(8, i -> sessions.revoke(session.id(), T0.plusSeconds(100 + i)));

        assertThat(results).containsOnlyOnce(true);
        assertThat(stored(session).revokedAt().orElseThrow()).isBetween(T0.plusSeconds(100), T0.plusSeconds(107));
    }

    @Test
    void revoking_all_of_a_users_sessions_leaves_other_users_and_earlier_revocations_alone() {
        BrowserSession first = session(alice, T0);
        BrowserSession second = session(alice, T0.plusSeconds(5));
        BrowserSession already = session(alice, T0.plusSeconds(6));
        BrowserSession bobs = session(bob, T0);
        for (BrowserSession s : List.of(first, second, already, bobs)) {
            sessions.add(s);
        }
        sessions.revoke(already.id(), T0.plusSeconds(10));

        assertThat(sessions.revokeAllFor(alice, T0.plusSeconds(20))).isEqualTo(2);

        assertThat(stored(first).revokedAt()).contains(T0.plusSeconds(20));
        assertThat(stored(second).revokedAt()).contains(T0.plusSeconds(20));
        assertThat(stored(already).revokedAt()).contains(T0.plusSeconds(10));
        assertThat(stored(bobs).revokedAt()).isEmpty();
        assertThat(sessions.revokeAllFor(alice, T0.plusSeconds(30))).isZero();
    }

    @Test
    void purging_deletes_only_sessions_revoked_or_timed_out_before_the_cutoff_in_batches() {
        Instant cutoff = T0.plus(Duration.ofDays(30));
        BrowserSession live = session(alice, cutoff.minus(Duration.ofHours(1)));
        BrowserSession revokedAfterCutoff = session(alice, cutoff.minus(Duration.ofHours(2)));
        List<BrowserSession> ended = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ended.add(session(alice, T0.plus(Duration.ofDays(i))));
            ended.add(session(bob, cutoff.minus(Duration.ofHours(3))).revokedAt(cutoff.minusSeconds(10 + i)));
        }
        sessions.add(live);
        sessions.add(revokedAfterCutoff);
        ended.forEach(sessions::add);
        sessions.revoke(revokedAfterCutoff.id(), cutoff.plusSeconds(1));

        assertThat(sessions.purgeEndedBefore(cutoff, 4)).isEqualTo(4);
        assertThat(sessions.purgeEndedBefore(cutoff, 4)).isEqualTo(2);
        assertThat(sessions.purgeEndedBefore(cutoff, 4)).isZero();

        assertThat(ended).allSatisfy(s -> assertThat(sessions.findByHash(s.tokenHash())).isEmpty());
        assertThat(sessions.findByHash(live.tokenHash())).isPresent();
        assertThat(sessions.findByHash(revokedAfterCutoff.tokenHash())).isPresent();
    }

    @Test
    void a_purge_batch_must_be_positive() {
        assertThatThrownBy(() -> sessions.purgeEndedBefore(T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
