package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Checks the page in the browser with axe-core, the rules engine behind most accessibility audits, against
 * WCAG 2.1 levels A and AA: labels, names of buttons and links, colour contrast, document language, headings,
 * ARIA use, keyboard traps. The script is injected through the driver, which the page's CSP does not govern.
 */
final class Accessibility {
    private static final String AXE = "/META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(result => done(result.violations.map(v =>
                  v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
              .catch(error => done(['axe failed: ' + error]));
            """;
    private static final String SOURCE = load();

    private Accessibility() {
    }

    /** Checks the page, then saves its screenshot as {@code name}: every page a reviewer sees has passed. */
    static void checkedScreenshot(RealBrowser browser, String name) {
        assertNoViolations(browser, name);
        browser.screenshot(name);
    }

    /** Fails with every violation axe finds on the current page, naming the page. */
    static void assertNoViolations(RealBrowser browser, String page) {
        browser.driver().executeScript(SOURCE);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) browser.driver().executeAsyncScript(RUN);
        assertThat(violations).as("WCAG 2.1 AA violations on " + page).isEmpty();
    }

    private static String axeVersion() {
        // The webjar's path carries its version; read it from the jar's Maven metadata, not a second constant.
        try (InputStream in = Accessibility.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core webjar not on the test classpath", e);
        }
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
