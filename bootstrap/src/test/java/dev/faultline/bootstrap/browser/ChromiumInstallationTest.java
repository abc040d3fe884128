package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without Chromium the real-browser tests are skipped with a clear message, except on CI where they fail. */
class ChromiumInstallationTest {
    private static final ChromiumInstallation MISSING = new ChromiumInstallation(Path.of("/nonexistent/chromium"),
            Path.of("/nonexistent/chromedriver"));

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private PrintStream console() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }

    @Test
    void missing_on_a_developer_machine_skips_with_the_apt_command() {
        assertThat(MISSING.installed()).isFalse();
        assertThatThrownBy(() -> MISSING.requireOrSkip(null, console())).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Real-browser tests skipped: chromium/chromedriver not installed"
                        + " (apt install chromium chromium-driver)");
        assertThatThrownBy(() -> MISSING.requireOrSkip("false", console())).isInstanceOf(TestAbortedException.class);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("apt install chromium chromium-driver");
    }

    @Test
    void missing_on_ci_fails() {
        assertThatThrownBy(() -> MISSING.requireOrSkip("true", console())).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("apt install chromium chromium-driver");
    }

    @Test
    void installed_goes_ahead_anywhere() {
        ChromiumInstallation present = new ChromiumInstallation(Path.of("/bin/sh"), Path.of("/bin/sh"));
        assertThatCode(() -> present.requireOrSkip("true", console())).doesNotThrowAnyException();
        assertThatCode(() -> present.requireOrSkip(null, console())).doesNotThrowAnyException();
    }
}
