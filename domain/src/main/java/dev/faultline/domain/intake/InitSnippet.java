package dev.faultline.domain.intake;

import dev.faultline.domain.tracker.Platform;
import java.util.Objects;

/**
 * The few lines that make an application's official Sentry SDK report to Faultline: which package to install and
 * how to initialise it with a DSN, for the application's platform (Node, browser JavaScript, the JVM, Python),
 * or, for any other platform, where the DSN goes.
 *
 * @param language the snippet's language, for highlighting ({@code javascript}, {@code java}, {@code python},
 *                 {@code text})
 * @param install  what to install, e.g. {@code npm install @sentry/node}
 */
public record InitSnippet(String language, String install, String code) {
    public InitSnippet {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(code, "code");
    }

    public static InitSnippet forPlatform(Platform platform, Dsn dsn) {
        String value = platform.value();
        if (value.equals("node")) {
            return new InitSnippet("javascript", "npm install @sentry/node",
                    "const Sentry = require(\"@sentry/node\");\n\nSentry.init({ dsn: \"" + dsn + "\" });\n");
        }
        if (PlatformFamily.of(value) == PlatformFamily.JS) {
            return new InitSnippet("javascript", "npm install @sentry/browser",
                    "import * as Sentry from \"@sentry/browser\";\n\nSentry.init({ dsn: \"" + dsn + "\" });\n");
        }
        if (PlatformFamily.of(value) == PlatformFamily.JVM) {
            return new InitSnippet("java", "Maven: io.sentry:sentry",
                    "import io.sentry.Sentry;\n\nSentry.init(options -> options.setDsn(\"" + dsn + "\"));\n");
        }
        if (value.equals("python")) {
            return new InitSnippet("python", "pip install sentry-sdk",
                    "import sentry_sdk\n\nsentry_sdk.init(dsn=\"" + dsn + "\")\n");
        }
        return new InitSnippet("text", "the official Sentry SDK for " + value,
                "Initialise the SDK with this DSN (or set SENTRY_DSN in its environment):\n" + dsn + "\n");
    }
}
