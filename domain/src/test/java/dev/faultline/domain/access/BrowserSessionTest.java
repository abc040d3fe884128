package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BrowserSessionTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final BrowserSession.Lifetimes LIFETIMES = BrowserSession.Lifetimes.defaults();
    private final BrowserSession session = BrowserSession.start(BrowserSessionId.random(),
            TokenHash.of("flt_ses_secret"), UserId.random(), LIFETIMES, T0);

    @Test
    void a_new_session_is_active_until_its_idle_time_out() {
        assertThat(session.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(session.presentAt(T0.plus(Duration.ofHours(12)).minusMillis(1)))
                .isEqualTo(new BrowserSession.Presence.Active(session));
        assertThat(session.presentAt(T0.plus(Duration.ofHours(12))))
                .isEqualTo(new BrowserSession.Presence.TimedOut(T0.plus(Duration.ofHours(12))));
    }

    @Test
    void being_seen_restarts_the_idle_time_out_but_never_past_the_absolute_end() {
        BrowserSession seen = session.seenAt(T0.plus(Duration.ofHours(11)), LIFETIMES);
        assertThat(seen.presentAt(T0.plus(Duration.ofHours(20)))).isInstanceOf(BrowserSession.Presence.Active.class);

        Instant nearEnd = session.expiresAt().minus(Duration.ofHours(1));
        BrowserSession late = session.seenAt(nearEnd, LIFETIMES);
        assertThat(late.idleExpiresAt()).isEqualTo(session.expiresAt());
        assertThat(late.presentAt(session.expiresAt())).isEqualTo(new BrowserSession.Presence.Expired(session.expiresAt()));
    }

    @Test
    void revoked_beats_expired_and_the_first_revocation_stays() {
        BrowserSession revoked = session.revokedAt(T0.plusSeconds(60)).revokedAt(T0.plusSeconds(120));
        assertThat(revoked.presentAt(T0.plus(Duration.ofDays(30))))
                .isEqualTo(new BrowserSession.Presence.Revoked(T0.plusSeconds(60)));
    }

    @Test
    void activity_is_recorded_at_most_once_per_interval() {
        assertThat(session.shouldTouch(T0.plus(BrowserSession.TOUCH_INTERVAL))).isFalse();
        assertThat(session.shouldTouch(T0.plus(BrowserSession.TOUCH_INTERVAL).plusSeconds(1))).isTrue();
    }

    @Test
    void ended_before_counts_revocation_and_time_out() {
        Instant idleEnd = session.idleExpiresAt();
        assertThat(session.endedBefore(idleEnd)).isFalse();
        assertThat(session.endedBefore(idleEnd.plusSeconds(1))).isTrue();
        assertThat(session.revokedAt(T0.plusSeconds(5)).endedBefore(T0.plusSeconds(6))).isTrue();
        assertThat(session.revokedAt(T0.plusSeconds(5)).endedBefore(T0.plusSeconds(5))).isFalse();
    }

    @Test
    void lifetimes_must_make_sense() {
        assertThatThrownBy(() -> new BrowserSession.Lifetimes(Duration.ofMinutes(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrowserSession.Lifetimes(Duration.ofDays(2), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_csrf_token_is_bound_to_the_session_secret_and_neither_reveals_nor_equals_its_hash() {
        CsrfToken token = CsrfToken.boundTo("flt_ses_secret");
        assertThat(token).isEqualTo(CsrfToken.boundTo("flt_ses_secret"));
        assertThat(token).isNotEqualTo(CsrfToken.boundTo("flt_ses_other"));
        assertThat(token.value()).isNotEqualTo(TokenHash.of("flt_ses_secret").hex()).doesNotContain("secret");
        assertThat(token.matches(token.value())).isTrue();
        assertThat(token.matches(CsrfToken.boundTo("flt_ses_other").value())).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void never_prints_its_hash() {
        assertThat(session.toString()).doesNotContain(session.tokenHash().hex());
    }
}
