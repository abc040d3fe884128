package dev.faultline.bootstrap.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, the only browser the real-browser tests use: Selenium
 * Manager is never asked to download one. Where they are missing the tests are skipped, except on CI
 * ({@code CI=true}), which must run them.
 */
record ChromiumInstallation(Path browser, Path driver) {
    static final ChromiumInstallation DEBIAN = new ChromiumInstallation(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromedriver"));
    static final String MISSING = "Real-browser tests skipped: chromium/chromedriver not installed"
            + " (apt install chromium chromium-driver)";

    boolean installed() {
        return Files.isExecutable(browser) && Files.isExecutable(driver);
    }

    /** Aborts the calling test class as skipped when not installed, or fails it on CI. */
    void requireOrSkip() {
        requireOrSkip(System.getenv("CI"), System.out);
    }

    /** @param console where the skip is announced (tests of this rule pass their own, to keep the build log true) */
    void requireOrSkip(String ciVariable, PrintStream console) {
        if (installed()) {
            return;
        }
        if ("true".equals(ciVariable)) {
            fail(MISSING.replace("skipped", "cannot run on CI") + "; .ci/run installs them");
        }
        // Surefire's console does not show why a class was skipped; say it where people look.
        console.println(MISSING);
        assumeTrue(false, MISSING);
    }
}
