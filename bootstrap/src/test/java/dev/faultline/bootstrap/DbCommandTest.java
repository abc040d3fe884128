package dev.faultline.bootstrap;

import dev.faultline.bootstrap.config.FaultlineConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.postgres.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandTest {
    @TempDir
    Path directory;

    @Test
    void migrates_an_empty_database_and_then_has_nothing_left_to_do() {
        Path config = TestFaultline.configFile(directory, TestDatabases.freshEmpty());

        CommandLine.Result first = CommandLine.run("db", "migrate", config.toString());
        CommandLine.Result second = CommandLine.run("db", "migrate", config.toString());

        assertThat(first.succeeded()).as(first.err()).isTrue();
        assertThat(first.out()).containsPattern("Applied [1-9]\\d* migration\\(s\\)");
        assertThat(second.out()).contains("Applied 0 migration(s)");
    }

    @Test
    void refuses_an_unknown_action_with_usage_and_failure() {
        Path config = TestFaultline.configFile(directory, TestDatabases.freshEmpty());

        CommandLine.Result result = CommandLine.run("db", "drop", config.toString());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.err()).contains("argument action: invalid choice: 'drop'");
    }

    @Test
    void refuses_an_unusable_configuration_before_touching_anything() {
        Path config = TestFaultline.configFile(directory, TestDatabases.freshEmpty());
        CommandLine.Result result = CommandLine.run("db", "migrate", directory.resolve("missing.yml").toString());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.err()).contains("missing.yml");
        assertThat(config).exists();
    }
}
