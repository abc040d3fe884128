package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.DataSize;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** The MCP limits are validated at startup, each at its edges. */
class McpSettingsTest {
    private final Validator validator = Validators.newValidator();

    @Test
    void batch_length_is_1_to_100() {
        assertThat(violations(settings -> settings.setMaxBatchLength(1))).isZero();
        assertThat(violations(settings -> settings.setMaxBatchLength(100))).isZero();
        assertThat(violations(settings -> settings.setMaxBatchLength(0))).isOne();
        assertThat(violations(settings -> settings.setMaxBatchLength(101))).isOne();
    }

    @Test
    void body_size_is_1_kib_to_16_mib_and_response_size_1_kib_to_64_mib() {
        assertThat(violations(settings -> settings.setMaxBodySize(DataSize.bytes(1024)))).isZero();
        assertThat(violations(settings -> settings.setMaxBodySize(DataSize.bytes(1023)))).isOne();
        assertThat(violations(settings -> settings.setMaxBodySize(DataSize.mebibytes(16)))).isZero();
        assertThat(violations(settings -> settings.setMaxBodySize(DataSize.bytes(16 * 1024 * 1024 + 1)))).isOne();
        assertThat(violations(settings -> settings.setMaxResponseSize(DataSize.bytes(1024)))).isZero();
        assertThat(violations(settings -> settings.setMaxResponseSize(DataSize.bytes(1023)))).isOne();
        assertThat(violations(settings -> settings.setMaxResponseSize(DataSize.mebibytes(64)))).isZero();
        assertThat(violations(settings -> settings.setMaxResponseSize(DataSize.bytes(64 * 1024 * 1024 + 1))))
                .isOne();
    }

    @Test
    void rendered_issue_cache_is_off_or_64_kib_to_1_gib_and_32_mib_by_default() {
        assertThat(new McpSettings().getRenderedIssueCache()).isEqualTo(DataSize.mebibytes(32));
        assertThat(violations(settings -> settings.setRenderedIssueCache(DataSize.bytes(0)))).isZero();
        assertThat(violations(settings -> settings.setRenderedIssueCache(DataSize.bytes(1)))).isOne();
        assertThat(violations(settings -> settings.setRenderedIssueCache(DataSize.bytes(64 * 1024 - 1)))).isOne();
        assertThat(violations(settings -> settings.setRenderedIssueCache(DataSize.kibibytes(64)))).isZero();
        assertThat(violations(settings -> settings.setRenderedIssueCache(DataSize.gibibytes(1)))).isZero();
        assertThat(violations(settings -> settings.setRenderedIssueCache(DataSize.bytes(1024L * 1024 * 1024 + 1))))
                .isOne();
        assertThat(violations(settings -> settings.setRenderedIssueCache(null))).isOne();
    }

    private int violations(java.util.function.Consumer<McpSettings> change) {
        McpSettings settings = new McpSettings();
        change.accept(settings);
        return validator.validate(settings).size();
    }
}
