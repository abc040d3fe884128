package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {
    private final Validator validator = Validators.newValidator();

    private Set<String> problems(AccessSettings settings) {
        return validator.validate(settings).stream().map(ConstraintViolation::getMessage).collect(Collectors.toSet());
    }

    @Test
    void browser_sessions_default_to_12_hours_idle_and_7_days_at_most() {
        AccessSettings defaults = new AccessSettings();

        assertThat(problems(defaults)).isEmpty();
        assertThat(defaults.browserSessionLifetimes().idle()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(defaults.browserSessionLifetimes().absolute()).isEqualTo(java.time.Duration.ofDays(7));
    }

    @Test
    void configured_session_lifetimes_reach_the_domain() {
        AccessSettings settings = new AccessSettings();
        settings.setBrowserSessionIdleTimeout(Duration.minutes(30));
        settings.setBrowserSessionLifetime(Duration.hours(8));

        assertThat(problems(settings)).isEmpty();
        assertThat(settings.browserSessionLifetimes().idle()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(settings.browserSessionLifetimes().absolute()).isEqualTo(java.time.Duration.ofHours(8));
    }

    @Test
    void a_lifetime_shorter_than_the_idle_timeout_or_out_of_range_is_refused_at_startup() {
        AccessSettings inverted = new AccessSettings();
        inverted.setBrowserSessionIdleTimeout(Duration.days(2));
        inverted.setBrowserSessionLifetime(Duration.days(1));
        AccessSettings tooShort = new AccessSettings();
        tooShort.setBrowserSessionIdleTimeout(Duration.minutes(1));

        assertThat(problems(inverted)).contains("browserSessionLifetime must be at least browserSessionIdleTimeout");
        assertThat(problems(tooShort)).singleElement().asString().contains("10 MINUTES");
    }

    @Test
    void the_chain_and_client_caches_keep_0_to_a_million_entries_10000_by_default() {
        AccessSettings defaults = new AccessSettings();
        assertThat(defaults.getChainCacheSize()).isEqualTo(10_000);
        assertThat(defaults.getClientCacheSize()).isEqualTo(10_000);
        for (int size : new int[] {0, 1_000_000}) {
            AccessSettings settings = new AccessSettings();
            settings.setChainCacheSize(size);
            settings.setClientCacheSize(size);
            assertThat(problems(settings)).as("at the limit %s", size).isEmpty();
        }
        for (int size : new int[] {-1, 1_000_001}) {
            AccessSettings chains = new AccessSettings();
            chains.setChainCacheSize(size);
            AccessSettings clients = new AccessSettings();
            clients.setClientCacheSize(size);
            assertThat(problems(chains)).as("chain cache of %s", size).hasSize(1);
            assertThat(problems(clients)).as("client cache of %s", size).hasSize(1);
        }
    }

    @Test
    void the_grant_lifetime_defaults_to_90_days_and_is_refused_outside_1_hour_to_365_days() {
        assertThat(new AccessSettings().getGrantLifetime()).isEqualTo(Duration.days(90));
        for (Duration ok : new Duration[] {Duration.hours(1), Duration.days(365)}) {
            AccessSettings settings = new AccessSettings();
            settings.setGrantLifetime(ok);
            assertThat(problems(settings)).as("at the limit %s", ok).isEmpty();
        }
        AccessSettings tooShort = new AccessSettings();
        tooShort.setGrantLifetime(Duration.minutes(59));
        AccessSettings tooLong = new AccessSettings();
        tooLong.setGrantLifetime(Duration.days(366));
        AccessSettings missing = new AccessSettings();
        missing.setGrantLifetime(null);

        assertThat(problems(tooShort)).singleElement().asString().contains("1 HOURS");
        assertThat(problems(tooLong)).singleElement().asString().contains("365 DAYS");
        assertThat(problems(missing)).hasSize(1);
    }

    @Test
    void an_access_token_lifetime_longer_than_the_refresh_token_lifetime_is_refused_at_startup() {
        AccessSettings equal = new AccessSettings();
        equal.setAccessTokenLifetime(Duration.hours(2));
        equal.setRefreshTokenLifetime(Duration.hours(2));
        AccessSettings longer = new AccessSettings();
        longer.setAccessTokenLifetime(Duration.hours(3));
        longer.setRefreshTokenLifetime(Duration.hours(2));

        assertThat(problems(equal)).isEmpty();
        assertThat(problems(longer)).containsExactly("accessTokenLifetime must be at most refreshTokenLifetime: an"
                + " access token must not outlive the refresh token issued with it");
    }

    @Test
    void the_refresh_reuse_grace_defaults_to_10_seconds() {
        assertThat(new AccessSettings().getRefreshReuseGrace()).isEqualTo(Duration.seconds(10));
    }

    @Test
    void a_configured_key_encryption_key_must_be_32_bytes_of_base64() {
        AccessSettings exact = new AccessSettings();
        exact.setKeyEncryptionKey(java.util.Base64.getEncoder().encodeToString(new byte[32]));
        AccessSettings short31 = new AccessSettings();
        short31.setKeyEncryptionKey(java.util.Base64.getEncoder().encodeToString(new byte[31]));
        AccessSettings unset = new AccessSettings();
        unset.setKeyEncryptionKey(null);

        assertThat(problems(exact)).isEmpty();
        assertThat(problems(unset)).isEmpty();
        assertThat(unset.getKeyEncryptionKey()).isEmpty();
        assertThat(problems(short31)).singleElement().asString().contains("base64 of 32 random bytes");
    }

    @Test
    void the_verified_token_cache_defaults_to_10000_and_is_refused_outside_0_to_1_000_000() {
        assertThat(new AccessSettings().getVerifiedTokenCacheSize()).isEqualTo(10_000);
        for (int ok : new int[] {0, 1_000_000}) {
            AccessSettings settings = new AccessSettings();
            settings.setVerifiedTokenCacheSize(ok);
            assertThat(problems(settings)).as("at the limit %s", ok).isEmpty();
        }
        for (int bad : new int[] {-1, 1_000_001}) {
            AccessSettings settings = new AccessSettings();
            settings.setVerifiedTokenCacheSize(bad);
            assertThat(problems(settings)).as("past the limit %s", bad).hasSize(1);
        }
    }
}
