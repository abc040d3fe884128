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
import io.dropwizard.core.setup.Environment;
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

    public static void register(Environment environment, IngestSettings settings, AuthenticateIngestKey authenticate,
            IngestEvent ingest, Duration unavailableRetryAfter, Clock clock) {
        IngestHealth health = new IngestHealth(settings.getUnhealthyAfterFailures());
        IngestPipeline pipeline = new IngestPipeline(authenticate, ingest, settings.policy(unavailableRetryAfter),
                new IngestGate(settings.effectiveMaxConcurrent(), settings.getMaxWait().toJavaDuration()),
                new KeyRateLimits(System::nanoTime), new IngestMetrics(environment.metrics()), health, clock);
        environment.servlets().addServlet(IngestServlet.NAME, new IngestServlet(pipeline))
                .addMapping(IngestServlet.MAPPING);
        environment.healthChecks().register("ingest", health);
        if (settings.getPort() != 0) {
            environment.servlets().addFilter("ingest-port-separation",
                    new IngestPortSeparation(settings.getPort(), IngestServlet.NAME))
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }
}
