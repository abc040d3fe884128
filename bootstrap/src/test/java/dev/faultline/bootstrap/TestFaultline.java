package dev.faultline.bootstrap;

import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;

/** Faultline servers and config files for end-to-end tests, each on a fresh database of its own. */
public final class TestFaultline {
    private TestFaultline() {
    }

    /** A real server on random ports over a fresh, empty (migrated at start) database. */
    public static DropwizardAppExtension<FaultlineConfiguration> server(ConfigOverride... extra) {
        return server(FaultlineApplication.class, extra);
    }

    /** As {@link #server(ConfigOverride...)}, running {@code application} (a subclass with test wiring). */
    public static DropwizardAppExtension<FaultlineConfiguration> server(
            Class<? extends FaultlineApplication> application, ConfigOverride... extra) {
        return new DropwizardAppExtension<>(application,
                ResourceHelpers.resourceFilePath("test-config.yml"), withFreshDatabase(extra));
    }

    /**
     * A real server whose public base URL is its real address, for tests that follow the URLs the server hands
     * out (issuer, endpoints, redirects). The URL must be configured before the server binds, so the port is
     * picked up front; between picking and binding another process on the machine may take it (any build running
     * alongside uses the same ephemeral range). The port is therefore picked at start, not when the test class
     * loads, and a start that fails because the port was taken is retried on another one.
     */
    public static DropwizardAppExtension<FaultlineConfiguration> serverAtItsOwnAddress(ConfigOverride... extra) {
        return serverAtItsOwnAddress(TestFaultline::freePort, extra);
    }

    static DropwizardAppExtension<FaultlineConfiguration> serverAtItsOwnAddress(IntSupplier ports,
            ConfigOverride... extra) {
        int[] port = new int[1];
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 2];
        overrides[0] = ConfigOverride.config("server.applicationConnectors[0].port", () -> String.valueOf(port[0]));
        overrides[1] = ConfigOverride.config("publicBaseUrl", () -> "http://localhost:" + port[0]);
        System.arraycopy(extra, 0, overrides, 2, extra.length);
        return new DropwizardAppExtension<>(FaultlineApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), withFreshDatabase(overrides)) {
            private static final int ATTEMPTS = 5;

            @Override
            public void before() throws Exception {
                for (int attempt = 1; ; attempt++) {
                    port[0] = ports.getAsInt();
                    try {
                        super.before();
                        return;
                    } catch (Exception e) {
                        if (attempt == ATTEMPTS || !portTaken(e)) {
                            throw e;
                        }
                        super.after(); // resets the overrides and the attempt count, so the next start is clean
                    }
                }
            }
        };
    }

    private static boolean portTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static ConfigOverride[] withFreshDatabase(ConfigOverride... extra) {
        TestDatabase database = TestDatabases.freshEmpty();
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 1];
        overrides[0] = ConfigOverride.config("database.url", database.jdbcUrl());
        System.arraycopy(extra, 0, overrides, 1, extra.length);
        return overrides;
    }

    /**
     * A real server on {@code database}, which other servers of a test share, all known to clients by one
     * public base URL (as behind a load balancer). Its config overrides are system properties while it runs,
     * so a second one is started (and stopped) inside the first one's lifetime, never side by side with it:
     * {@code before()} in @BeforeAll, {@code after()} in @AfterAll.
     */
    public static DropwizardTestSupport<FaultlineConfiguration> instanceOn(TestDatabase database, String publicBaseUrl) {
        return new DropwizardTestSupport<>(FaultlineApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", database.jdbcUrl()),
                ConfigOverride.config("publicBaseUrl", publicBaseUrl));
    }

    /**
     * A real server at its own address that runs its own embedded PostgreSQL (data in {@code dataDirectory},
     * on {@code databasePort}), as a deployment does: for tests that stop, restart or share that database.
     */
    public static DropwizardAppExtension<FaultlineConfiguration> serverOnItsOwnEmbeddedDatabase(
            Path dataDirectory, int databasePort, ConfigOverride... extra) {
        int port = freePort();
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 5];
        overrides[0] = ConfigOverride.config("server.applicationConnectors[0].port", String.valueOf(port));
        overrides[1] = ConfigOverride.config("publicBaseUrl", "http://localhost:" + port);
        overrides[2] = ConfigOverride.config("database.url", "embedded");
        overrides[3] = ConfigOverride.config("database.embeddedDataDirectory", dataDirectory.resolve("postgres").toString());
        overrides[4] = ConfigOverride.config("database.embeddedPort", String.valueOf(databasePort));
        System.arraycopy(extra, 0, overrides, 5, extra.length);
        return new DropwizardAppExtension<>(FaultlineApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides);
    }

    /**
     * A new directory under {@code target/} for a test's own data (a static field cannot use @TempDir, and the
     * server using it stops only after the test class's @AfterAll); {@code mvn clean} removes it.
     */
    public static Path temporaryDirectory(String prefix) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "fault-data"));
            return Files.createTempDirectory(parent, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A config file pointing at a fresh, empty database, for running CLI commands. */
    public static Path configFile(Path directory, TestDatabase database) {
        try {
            String yaml = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                    .replace("${TEST_DATABASE_URL:-embedded}", database.jdbcUrl())
                    .replace("${TEST_DATA_DIR:-target/test-data}", directory.resolve("data").toString());
            Path file = directory.resolve("config.yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
