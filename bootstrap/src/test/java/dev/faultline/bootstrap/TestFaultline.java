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
        TestDatabase database = TestDatabases.freshEmpty();
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 1];
        overrides[0] = ConfigOverride.config("database.url", database.jdbcUrl());
        System.arraycopy(extra, 0, overrides, 1, extra.length);
        return new DropwizardAppExtension<>(FaultlineApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides);
    }

    /** A config file pointing at a fresh, empty database, for running CLI commands. */
    public static Path configFile(Path directory, TestDatabase database) {
        try {
            String yaml = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                    .replace("${TEST_DATABASE_URL:-embedded}", database.jdbcUrl());
            Path file = directory.resolve("config.yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
