package dev.faultline.bootstrap.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Every log event of every logger (at the levels the loggers let through), as the text an appender would write:
 * logger name, level, formatted message and any stack trace. Thread-safe; for real-server tests.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    /** Starts capturing at the root logger; {@code faultline.requests} (the request log) at INFO. */
    public static CapturedLogs everything() {
        CapturedLogs capture = new CapturedLogs();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        ((Logger) LoggerFactory.getLogger("faultline.requests")).setLevel(Level.INFO);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ")
                .append(event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Request-log lines only. */
    public List<String> requestLines() {
        return lines().stream().filter(line -> line.startsWith("INFO faultline.requests: ")).toList();
    }

    /**
     * Waits until a line satisfies {@code condition} (the request log is written after the response, on the
     * server's thread); the timeout is only a failure bound.
     */
    public String await(Predicate<String> condition, String description) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (String line : lines) {
                if (condition.test(line)) {
                    return line;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // polling; the deadline only bounds a failure
        }
        throw new AssertionError("no log line " + description + " within 20 s; lines:\n" + String.join("\n", lines()));
    }

    public void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        stop();
    }
}
