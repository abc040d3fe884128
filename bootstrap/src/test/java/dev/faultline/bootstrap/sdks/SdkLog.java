package dev.faultline.bootstrap.sdks;

import io.sentry.ILogger;
import io.sentry.SentryLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The Sentry SDK's own diagnostics (with {@code debug} on), kept to read what its transport saw: the SDK reports
 * an answer that is not 2xx as "Request failed, API returned &lt;status&gt;" and exposes no other way to read it.
 */
final class SdkLog implements ILogger {
    private static final String FAILED = "Request failed, API returned ";

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void log(SentryLevel level, String message, Object... args) {
        lines.add(level + " " + (args == null || args.length == 0 ? message : String.format(message, args)));
    }

    @Override
    public synchronized void log(SentryLevel level, String message, Throwable throwable) {
        lines.add(level + " " + message + (throwable == null ? "" : ": " + throwable));
    }

    @Override
    public synchronized void log(SentryLevel level, Throwable throwable, String message, Object... args) {
        log(level, message + (throwable == null ? "" : ": " + throwable), args);
    }

    @Override
    public boolean isEnabled(SentryLevel level) {
        return true;
    }

    /** Each request the server did not answer with 2xx, as the SDK logged it. */
    synchronized List<String> failures() {
        return lines.stream().filter(line -> line.contains(FAILED)).map(line -> line.substring(line.indexOf(FAILED)))
                .toList();
    }

    synchronized String all() {
        return String.join("\n", lines);
    }
}
