package dev.faultline.bootstrap;

import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        TestDatabase database = TestDatabases.freshEmpty();
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 1];
        overrides[0] = ConfigOverride.config("database.url", database.jdbcUrl());
        System.arraycopy(extra, 0, overrides, 1, extra.length);
        return new DropwizardAppExtension<>(application,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides);
    }

    /**
     * A real server whose public base URL is its real address (a free port picked up front), for tests that
     * follow the URLs the server hands out (issuer, endpoints, redirects).
     */
    public static DropwizardAppExtension<FaultlineConfiguration> serverAtItsOwnAddress(ConfigOverride... extra) {
        int port = freePort();
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 2];
        overrides[0] = ConfigOverride.config("server.applicationConnectors[0].port", String.valueOf(port));
        overrides[1] = ConfigOverride.config("publicBaseUrl", "http://localhost:" + port);
        System.arraycopy(extra, 0, overrides, 2, extra.length);
        return server(overrides);
    }

    private static int freePort() {
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
