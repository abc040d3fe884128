package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** The Retry-After of the outage answer is validated at startup: 1 s to 1 h. */
class DatabaseSettingsTest {
    private final Validator validator = Validators.newValidator();

    @Test
    void retry_after_is_at_least_one_second() {
        assertThat(violations(Duration.seconds(1))).isZero();
        assertThat(violations(Duration.milliseconds(999))).isOne();
        assertThat(violations(Duration.seconds(0))).isOne();
    }

    @Test
    void retry_after_is_at_most_one_hour() {
        assertThat(violations(Duration.hours(1))).isZero();
        assertThat(violations(Duration.seconds(3601))).isOne();
    }

    private int violations(Duration retryAfter) {
        DatabaseSettings settings = new DatabaseSettings();
        settings.setUnavailableRetryAfter(retryAfter);
        return validator.validate(settings).size();
    }
}
