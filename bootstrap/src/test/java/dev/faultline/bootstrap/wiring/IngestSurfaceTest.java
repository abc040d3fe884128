package dev.faultline.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.config.IngestSettings;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

/** The ingest port's own connector carries the configured bounds, not Jetty's defaults. */
class IngestSurfaceTest {

    @Test
    void the_ingest_connector_takes_its_accept_queue_and_idle_timeout_from_the_settings() {
        IngestSettings settings = new IngestSettings();
        settings.setPort(18999);
        settings.setBindHost("0.0.0.0");
        settings.setAcceptQueueSize(17);
        settings.setIdleTimeout(Duration.seconds(7));

        HttpConnectorFactory connector = IngestSurface.connector(settings);

        assertThat(connector.getPort()).isEqualTo(18999);
        assertThat(connector.getBindHost()).isEqualTo("0.0.0.0");
        assertThat(connector.getAcceptQueueSize()).isEqualTo(17);
        assertThat(connector.getIdleTimeout()).isEqualTo(Duration.seconds(7));
    }
}
