package dev.faultline.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.adapters.crypto.Argon2idPasswordHasher;
import dev.faultline.application.account.port.out.PasswordHasher;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.cli.ApplicationCommand;
import dev.faultline.bootstrap.cli.DbCommand;
import dev.faultline.bootstrap.cli.DemoCommand;
import dev.faultline.bootstrap.cli.KeyCommand;
import dev.faultline.bootstrap.cli.FaultlineServerCommand;
import dev.faultline.bootstrap.cli.MemberCommand;
import dev.faultline.bootstrap.cli.PurgeCommand;
import dev.faultline.bootstrap.cli.TokenCommand;
import dev.faultline.bootstrap.cli.UserCommand;
import dev.faultline.bootstrap.purge.PurgeHealthCheck;
import dev.faultline.bootstrap.purge.PurgeJob;
import dev.faultline.adapters.http.transport.UnparsableContentTypes;
import dev.faultline.adapters.ingest.endpoint.IngestServlet;
import dev.faultline.bootstrap.wiring.HttpEndpoints;
import dev.faultline.bootstrap.wiring.IngestSurface;
import dev.faultline.bootstrap.wiring.ScheduledJob;
import dev.faultline.bootstrap.database.DatabaseHealthCheck;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import dev.faultline.adapters.http.logging.RedactingRequestLogWriter;
import dev.faultline.bootstrap.wiring.JsonErrorAnswers;
import io.dropwizard.lifecycle.Managed;
import org.eclipse.jetty.server.CustomRequestLog;
import io.dropwizard.views.common.ViewBundle;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import org.slf4j.LoggerFactory;

/** The Faultline server and its command line. {@code java -jar faultline.jar server config.yml} runs it. */
public class FaultlineApplication extends Application<FaultlineConfiguration> {
    private Faultline faultline;

    public static void main(String[] args) throws Exception {
        new FaultlineApplication().run(args);
    }

    @Override
    public String getName() {
        return "faultline";
    }

    /** Dropwizard's {@code server} (refusing a second start in one line) and {@code check}. */
    @Override
    protected void addDefaultCommands(Bootstrap<FaultlineConfiguration> bootstrap) {
        bootstrap.addCommand(new FaultlineServerCommand(this));
        bootstrap.addCommand(new io.dropwizard.core.cli.CheckCommand<>(this));
    }

    @Override
    public void initialize(Bootstrap<FaultlineConfiguration> bootstrap) {
        readsConfigurationStrictly(bootstrap.getObjectMapper());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false, true)));
        bootstrap.addBundle(new ViewBundle<>());
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new UserCommand());
        bootstrap.addCommand(new ApplicationCommand());
        bootstrap.addCommand(new MemberCommand());
        bootstrap.addCommand(new KeyCommand());
        bootstrap.addCommand(new DemoCommand());
        bootstrap.addCommand(new PurgeCommand());
        bootstrap.addCommand(new TokenCommand());
    }

    /**
     * A key written twice in config.yml is refused at startup: YAML lets the second silently replace the first,
     * so a section repeated further down would throw away every setting of the one above.
     */
    public static ObjectMapper readsConfigurationStrictly(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** The running instance's wiring (for end-to-end tests); null before {@link #run}. */
    public Faultline faultline() {
        return faultline;
    }

    /** The server's password hasher: Argon2id; end-to-end tests substitute one that counts or holds checks. */
    protected PasswordHasher passwordHasher() {
        return new Argon2idPasswordHasher();
    }

    @Override
    public void run(FaultlineConfiguration configuration, Environment environment) {
        QuietLoggers.apply();
        faultline = Faultline.open(configuration, environment.metrics(), passwordHasher());
        LoggerFactory.getLogger(FaultlineApplication.class)
                .info("Access tokens are signed and verified by {}", faultline.signatures().description());
        // Registered first so that it stops last: the database outlives everything that uses it.
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                faultline.close();
            }
        });
        HttpEndpoints.register(faultline, environment.jersey());
        IngestSurface.register(environment, configuration.getServerFactory(), configuration.getIngest(),
                faultline.intake().authenticateIngestKey(), faultline.intake().ingestEvent(),
                configuration.getDatabase().getMaxConnections(),
                configuration.getDatabase().getUnavailableRetryAfter().toJavaDuration(), faultline.clock());
        // In front of Jersey, which cannot even set up a request whose Content-Type does not parse.
        environment.servlets().addFilter("unparsable-content-types", new UnparsableContentTypes(java.util.Set.of(IngestServlet.NAME)))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.healthChecks().register("database", new DatabaseHealthCheck(faultline.database().jdbi()));
        PurgeJob purge = new PurgeJob(faultline.exclusiveJobs(), faultline.purgeSteps(), environment.metrics(),
                faultline.clock());
        environment.healthChecks().register("purge", new PurgeHealthCheck(purge));
        if (configuration.getPurge().isEnabled()) {
            Duration interval = configuration.getPurge().getInterval().toJavaDuration();
            environment.lifecycle().manage(new ScheduledJob("purge", purge::runOnce,
                    interval.compareTo(Duration.ofSeconds(30)) < 0 ? interval : Duration.ofSeconds(30), interval));
        }
        environment.lifecycle().manage(new ScheduledJob("signing-keys", faultline.keyRotation()::runOnce,
                Duration.ofSeconds(5), Faultline.KEY_RELOAD_INTERVAL));
        JsonErrorAnswers errors = new JsonErrorAnswers();
        environment.getApplicationContext().setErrorHandler(errors);
        environment.lifecycle().addServerLifecycleListener(server -> {
            server.setErrorHandler(errors);
            // Our own request log: the same NCSA lines as usual, with /mcp/{token} and secret parameters masked.
            server.setRequestLog(new CustomRequestLog(RedactingRequestLogWriter.toLog(),
                    CustomRequestLog.EXTENDED_NCSA_FORMAT));
            StartupBanner.print(configuration, server);
        });
    }
}
