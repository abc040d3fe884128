package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** The ingest port's connector bounds are checked at startup, each at its edges. */
class IngestConnectorSettingsTest {
    private final Validator validator = Validators.newValidator();

    @Test
    void the_accept_queue_holds_1_to_65535_connections() {
        IngestSettings settings = new IngestSettings();
        assertThat(settings.getAcceptQueueSize()).isEqualTo(256);
        for (int allowed : new int[] {1, 65_535}) {
            settings.setAcceptQueueSize(allowed);
            assertThat(validator.validate(settings)).as("%d", allowed).isEmpty();
        }
        for (int refused : new int[] {0, 65_536}) {
            settings.setAcceptQueueSize(refused);
            assertThat(validator.validate(settings)).as("%d", refused).hasSize(1);
        }
    }

    @Test
    void an_idle_connection_is_closed_after_1_second_to_5_minutes() {
        IngestSettings settings = new IngestSettings();
        assertThat(settings.getIdleTimeout()).isEqualTo(Duration.seconds(30));
        for (Duration allowed : new Duration[] {Duration.seconds(1), Duration.minutes(5)}) {
            settings.setIdleTimeout(allowed);
            assertThat(validator.validate(settings)).as("%s", allowed).isEmpty();
        }
        for (Duration refused : new Duration[] {Duration.milliseconds(999), Duration.seconds(301)}) {
            settings.setIdleTimeout(refused);
            assertThat(validator.validate(settings)).as("%s", refused).hasSize(1);
        }
    }
}
