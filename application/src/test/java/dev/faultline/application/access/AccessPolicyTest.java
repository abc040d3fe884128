package dev.faultline.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    static AccessPolicy lifetimes(Duration accessToken, Duration refreshToken) {
        return new AccessPolicy("https://faultline.example", Duration.ofSeconds(60), accessToken, refreshToken,
                Duration.ofHours(24), Duration.ZERO, Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(90), 500);
    }

    @Test
    void an_access_token_may_live_as_long_as_a_refresh_token_but_not_longer() {
        assertThat(lifetimes(Duration.ofHours(2), Duration.ofHours(2)).accessTokenLifetime())
                .isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> lifetimes(Duration.ofHours(2).plusSeconds(1), Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accessTokenLifetime (PT2H1S) must be at most refreshTokenLifetime (PT2H): an access"
                        + " token must not outlive the refresh token issued with it");
    }

    @Test
    void the_default_reuse_grace_is_ten_seconds_and_zero_is_strict() {
        AccessPolicy defaults = AccessPolicy.defaults("https://faultline.example");
        assertThat(defaults.refreshReuseGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.rotationPolicy().reuseGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.withRefreshReuseGrace(Duration.ZERO).rotationPolicy().reuseGrace()).isZero();
    }
}
