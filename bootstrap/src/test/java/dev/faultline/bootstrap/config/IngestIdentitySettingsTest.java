package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DSNs' base URL and the per-application key limit are checked at startup, each at its edges. */
class IngestIdentitySettingsTest {
    private final Validator validator = Validators.newValidator();

    @Test
    void keys_per_application_are_1_to_1000() {
        IngestSettings settings = new IngestSettings();
        for (int allowed : new int[] {1, 1000}) {
            settings.setMaxKeysPerApplication(allowed);
            assertThat(validator.validate(settings)).isEmpty();
        }
        for (int refused : new int[] {0, 1001}) {
            settings.setMaxKeysPerApplication(refused);
            assertThat(validator.validate(settings)).hasSize(1);
        }
    }

    @Test
    void dsns_use_the_ingest_url_with_its_path_prefix_or_else_the_public_base_url() {
        IngestSettings settings = new IngestSettings();
        assertThat(settings.baseUrl("https://faultline.example.com")).hasToString("https://faultline.example.com");
        settings.setPublicUrl("https://crash.example.com:8443/faultline/");
        assertThat(settings.baseUrl("https://faultline.example.com"))
                .hasToString("https://crash.example.com:8443/faultline");
    }

    @Test
    void an_unusable_ingest_url_refuses_to_start() {
        FaultlineConfiguration configuration = new FaultlineConfiguration();
        assertThat(ingestUrlViolations(configuration)).isEmpty();
        for (String bad : new String[] {"ftp://crash.example.com", "https://user@crash.example.com",
                "https://crash.example.com/?x=1", "crash.example.com"}) {
            configuration.getIngest().setPublicUrl(bad);
            assertThat(ingestUrlViolations(configuration)).as(bad).hasSize(1);
        }
    }

    private Set<ConstraintViolation<FaultlineConfiguration>> ingestUrlViolations(FaultlineConfiguration configuration) {
        Set<ConstraintViolation<FaultlineConfiguration>> all = validator.validate(configuration);
        all.removeIf(v -> !v.getMessage().contains("ingest.publicUrl"));
        return all;
    }
}
