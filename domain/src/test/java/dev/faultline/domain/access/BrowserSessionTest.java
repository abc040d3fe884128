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
    void aNewSessionIsActiveUntilItsIdleTimeOut() {
        assertThat(session.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(session.presentAt(T0.plus(Duration.ofHours(12)).minusMillis(1)))
                .isEqualTo(new BrowserSession.Presence.Active(session));
        assertThat(session.presentAt(T0.plus(Duration.ofHours(12))))
                .isEqualTo(new BrowserSession.Presence.TimedOut(T0.plus(Duration.ofHours(12))));
    }

    @Test
    void beingSeenRestartsTheIdleTimeOutButNeverPastTheAbsoluteEnd() {
        BrowserSession seen = session.seenAt(T0.plus(Duration.ofHours(11)), LIFETIMES);
        assertThat(seen.presentAt(T0.plus(Duration.ofHours(20)))).isInstanceOf(BrowserSession.Presence.Active.class);

        Instant nearEnd = session.expiresAt().minus(Duration.ofHours(1));
        BrowserSession late = session.seenAt(nearEnd, LIFETIMES);
        assertThat(late.idleExpiresAt()).isEqualTo(session.expiresAt());
        assertThat(late.presentAt(session.expiresAt())).isEqualTo(new BrowserSession.Presence.Expired(session.expiresAt()));
    }

    @Test
    void revokedBeatsExpiredAndTheFirstRevocationStays() {
        BrowserSession revoked = session.revokedAt(T0.plusSeconds(60)).revokedAt(T0.plusSeconds(120));
        assertThat(revoked.presentAt(T0.plus(Duration.ofDays(30))))
                .isEqualTo(new BrowserSession.Presence.Revoked(T0.plusSeconds(60)));
    }

    @Test
    void activityIsRecordedAtMostOncePerInterval() {
        assertThat(session.shouldTouch(T0.plus(BrowserSession.TOUCH_INTERVAL))).isFalse();
        assertThat(session.shouldTouch(T0.plus(BrowserSession.TOUCH_INTERVAL).plusSeconds(1))).isTrue();
    }

    @Test
    void endedBeforeCountsRevocationAndTimeOut() {
        Instant idleEnd = session.idleExpiresAt();
        assertThat(session.endedBefore(idleEnd)).isFalse();
        assertThat(session.endedBefore(idleEnd.plusSeconds(1))).isTrue();
        assertThat(session.revokedAt(T0.plusSeconds(5)).endedBefore(T0.plusSeconds(6))).isTrue();
        assertThat(session.revokedAt(T0.plusSeconds(5)).endedBefore(T0.plusSeconds(5))).isFalse();
    }

    @Test
    void lifetimesMustMakeSense() {
        assertThatThrownBy(() -> new BrowserSession.Lifetimes(Duration.ofMinutes(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrowserSession.Lifetimes(Duration.ofDays(2), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCsrfTokenIsBoundToTheSessionSecretAndNeitherRevealsNorEqualsItsHash() {
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
    void neverPrintsItsHash() {
        assertThat(session.toString()).doesNotContain(session.tokenHash().hex());
    }
}
