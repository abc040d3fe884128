package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.ingest.endpoint.IngestGate;
import dev.faultline.adapters.ingest.endpoint.IngestHealth;
import dev.faultline.adapters.ingest.endpoint.IngestMetrics;
import dev.faultline.adapters.ingest.endpoint.IngestPipeline;
import dev.faultline.adapters.ingest.endpoint.IngestServlet;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey;
import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.bootstrap.config.IngestSettings;
import dev.faultline.adapters.ingest.endpoint.KeyRateLimits;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.ArrayList;
import java.util.List;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Mounts the Sentry ingest servlet at {@code /api/*} beside Jersey, with its health check and metrics, and, when
 * {@code ingest.port} is set, keeps it on that port alone.
 */
public final class IngestSurface {

    private IngestSurface() {
    }

    /**
     * @param databasePool the database's connection pool size: ingestion takes at most half of it, so a crash storm
     *                     leaves connections for the pages, OAuth and MCP
     */
    public static void register(Environment environment, ServerFactory server, IngestSettings settings,
            AuthenticateIngestKey authenticate, IngestEvent ingest, int databasePool, Duration unavailableRetryAfter,
            Clock clock) {
        IngestHealth health = new IngestHealth(settings.getUnhealthyAfterFailures());
        int places = Math.min(settings.effectiveMaxConcurrent(), Math.max(1, databasePool / 2));
        IngestPipeline pipeline = new IngestPipeline(authenticate, ingest, settings.policy(unavailableRetryAfter),
                new IngestGate(places, settings.getMaxQueued(), settings.getMaxWait().toJavaDuration()),
                new KeyRateLimits(System::nanoTime), new IngestMetrics(environment.metrics()), health, clock);
        environment.servlets().addServlet(IngestServlet.NAME, new IngestServlet(pipeline))
                .addMapping(IngestServlet.MAPPING);
        environment.healthChecks().register("ingest", health);
        if (settings.getPort() != 0) {
            addConnector(server, settings);
            environment.servlets().addFilter("ingest-port-separation",
                    new IngestPortSeparation(settings.getPort(), IngestServlet.NAME))
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }

    /** Called before the server is built from its factory, so the connector is one like the others. */
    private static void addConnector(ServerFactory server, IngestSettings settings) {
        if (!(server instanceof DefaultServerFactory factory)) {
            throw new IllegalStateException("ingest.port needs the default server (server.type: default)");
        }
        List<ConnectorFactory> connectors = new ArrayList<>(factory.getApplicationConnectors());
        connectors.add(connector(settings));
        factory.setApplicationConnectors(connectors);
    }

    /** The ingest port's connector, every bound on it explicit (it shares the server's thread pool). */
    static HttpConnectorFactory connector(IngestSettings settings) {
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setBindHost(settings.getBindHost());
        connector.setPort(settings.getPort());
        connector.setAcceptQueueSize(settings.getAcceptQueueSize());
        connector.setIdleTimeout(settings.getIdleTimeout());
        return connector;
    }
}
