package dev.faultline.bootstrap.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After Faultline is killed hard (kill -9), its embedded PostgreSQL keeps running and holds the data
 * directory and port. This finds that server through {@code postmaster.pid} and shuts it down cleanly
 * (SIGTERM = smart shutdown), escalating only if it does not stop.
 */
final class OrphanedServer {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private OrphanedServer() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : parse(lines.get(0)).flatMap(ProcessHandle::of);
        Optional<ProcessHandle> running = postmaster.filter(ProcessHandle::isAlive).filter(OrphanedServer::isPostgres);
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle process = running.get();
        LOG.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier run", process.pid());
        process.destroy();
        if (!waitForExit(process)) {
            process.destroyForcibly();
            waitForExit(process);
        }
    }

    private static boolean waitForExit(ProcessHandle process) {
        try {
            process.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(true);
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
