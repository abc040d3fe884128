package dev.faultline.adapters.ingest.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestLimitsTest {

    @Test
    void defaults_are_the_documented_ones() {
        IngestLimits limits = IngestLimits.defaults();
        assertThat(limits.envelopeBody()).isEqualTo(new IngestLimits.BodyLimits(20L << 20, 20L << 20));
        assertThat(limits.storeBody()).isEqualTo(new IngestLimits.BodyLimits(1 << 20, 1 << 20));
        assertThat(limits.eventItem()).isEqualTo(1 << 20);
        assertThat(limits.clientReportItem()).isEqualTo(4096);
        assertThat(limits.headerLine()).isEqualTo(64 * 1024);
    }

    @Test
    void every_limit_is_positive_and_an_event_must_fit_in_an_envelope() {
        assertThatThrownBy(() -> new IngestLimits(0, 10, 10, 1, 1, 1)).hasMessageContaining("envelopeCompressed");
        assertThatThrownBy(() -> new IngestLimits(10, 10, 10, 1, 0, 1)).hasMessageContaining("clientReportItem");
        assertThatThrownBy(() -> new IngestLimits(10, 10, 10, 11, 1, 1))
                .hasMessageContaining("eventItem (11) cannot exceed envelopeDecompressed (10)");
    }
}
