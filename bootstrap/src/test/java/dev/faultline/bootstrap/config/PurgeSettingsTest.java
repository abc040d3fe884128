package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import jakarta.validation.Validator;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Event retention's limits are validated at startup, each at its edges. */
class PurgeSettingsTest {
    private final Validator validator = Validators.newValidator();

    @Test
    void an_application_keeps_1_to_100_million_events() {
        assertThat(violations(settings -> settings.setMaxEventsPerApplication(1))).isZero();
        assertThat(violations(settings -> settings.setMaxEventsPerApplication(100_000_000))).isZero();
        assertThat(violations(settings -> settings.setMaxEventsPerApplication(0))).isOne();
        assertThat(violations(settings -> settings.setMaxEventsPerApplication(100_000_001))).isOne();
    }

    @Test
    void events_are_kept_at_least_an_hour() {
        assertThat(violations(settings -> settings.setMaxEventAge(Duration.hours(1)))).isZero();
        assertThat(violations(settings -> settings.setMaxEventAge(Duration.minutes(59)))).isOne();
        assertThat(violations(settings -> settings.setMaxEventAge(null))).isOne();
    }

    @Test
    void the_settings_become_the_retention_limits() {
        PurgeSettings settings = new PurgeSettings();
        settings.setMaxEventsPerApplication(7);
        settings.setMaxEventAge(Duration.days(3));
        assertThat(settings.retentionLimits().maxEventsPerApplication()).isEqualTo(7);
        assertThat(settings.retentionLimits().maxAge()).isEqualTo(java.time.Duration.ofDays(3));
    }

    private int violations(Consumer<PurgeSettings> change) {
        PurgeSettings settings = new PurgeSettings();
        change.accept(settings);
        return validator.validate(settings).size();
    }
}
