package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.Validator;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The metadata-document limits are validated at startup, each at its edges; the test-only switch stays in tests. */
class ClientMetadataSettingsTest {
    private final Validator validator = Validators.newValidator();

    @Test
    void timeout_is_500ms_to_60s() {
        assertThat(violations(s -> s.setTimeout(Duration.milliseconds(500)))).isZero();
        assertThat(violations(s -> s.setTimeout(Duration.milliseconds(499)))).isOne();
        assertThat(violations(s -> s.setTimeout(Duration.seconds(60)))).isZero();
        assertThat(violations(s -> s.setTimeout(Duration.milliseconds(60_001)))).isOne();
    }

    @Test
    void document_size_is_512_bytes_to_64_kib() {
        assertThat(violations(s -> s.setMaxDocumentSize(DataSize.bytes(512)))).isZero();
        assertThat(violations(s -> s.setMaxDocumentSize(DataSize.bytes(511)))).isOne();
        assertThat(violations(s -> s.setMaxDocumentSize(DataSize.kibibytes(64)))).isZero();
        assertThat(violations(s -> s.setMaxDocumentSize(DataSize.bytes(64 * 1024 + 1)))).isOne();
    }

    @Test
    void cache_lifetimes_are_ordered_and_at_most_7_days_and_entries_1_to_a_million() {
        assertThat(violations(s -> s.setMaxCacheLifetime(Duration.days(7)))).isZero();
        assertThat(violations(s -> s.setMaxCacheLifetime(Duration.hours(7 * 24 + 1)))).isOne();
        assertThat(violations(s -> {
            s.setMinCacheLifetime(Duration.hours(2));
            s.setMaxCacheLifetime(Duration.hours(1));
        })).isOne();
        assertThat(violations(s -> s.setMinCacheLifetime(Duration.hours(24)))).isZero();
        assertThat(violations(s -> s.setMaxCachedDocuments(1))).isZero();
        assertThat(violations(s -> s.setMaxCachedDocuments(0))).isOne();
        assertThat(violations(s -> s.setMaxCachedDocuments(1_000_001))).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:8080"})
    void loopback_fetching_is_accepted_while_faultline_itself_is_plain_http_on_loopback(String publicBaseUrl) {
        assertThat(configurationViolations(publicBaseUrl, true)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:8443", "https://faultline.example.com", "http://faultline.internal:8080",
            "http://10.0.0.5:8080"})
    void loopback_fetching_is_refused_at_startup_anywhere_else(String publicBaseUrl) {
        assertThat(configurationViolations(publicBaseUrl, true)).isOne();
        assertThat(configurationViolations(publicBaseUrl, false)).isZero();
    }

    private long configurationViolations(String publicBaseUrl, boolean allowLoopback) {
        FaultlineConfiguration configuration = new FaultlineConfiguration();
        configuration.setPublicBaseUrl(publicBaseUrl);
        configuration.getClientMetadata().setAllowLoopbackForTests(allowLoopback);
        return validator.validate(configuration).stream()
                .filter(v -> v.getMessage().contains("allowLoopbackForTests")).count();
    }

    private int violations(Consumer<ClientMetadataSettings> change) {
        ClientMetadataSettings settings = new ClientMetadataSettings();
        change.accept(settings);
        return validator.validate(settings).size();
    }
}
