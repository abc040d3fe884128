package dev.faultline.adapters.http.logging;

import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.RequestLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes request-log lines with secrets masked: the personal token of the {@code /mcp/{token}} form and any
 * token-like query parameter. The request log never sees headers, so {@code Authorization} cannot leak there.
 */
public final class RedactingRequestLogWriter implements RequestLog.Writer {
    private static final Pattern PATH_TOKEN = Pattern.compile("(/mcp/)(?!oauth(?:[/? ]|$))[^/?\\s\"]+");
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "([?&](?:access_token|token|refresh_token|code|client_secret|password)=)[^&\\s\"]*");

    private final Consumer<String> sink;

    public RedactingRequestLogWriter(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Request lines go to the logger {@code faultline.requests} at INFO. */
    public static RedactingRequestLogWriter toLog() {
        Logger log = LoggerFactory.getLogger("faultline.requests");
        return new RedactingRequestLogWriter(log::info);
    }

    @Override
    public void write(String line) {
        sink.accept(redact(line));
    }

    public static String redact(String line) {
        String masked = PATH_TOKEN.matcher(line).replaceAll("$1***");
        return QUERY_SECRET.matcher(masked).replaceAll("$1***");
    }
}
