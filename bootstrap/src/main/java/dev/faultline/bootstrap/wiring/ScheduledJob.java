package dev.faultline.bootstrap.wiring;

import dev.faultline.application.shared.StorageUnavailable;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on a fixed delay while the server runs. It is a {@link Managed} object, so CLI commands (which
 * never start managed objects) do not run it behind the user's back. A failed run is logged and the schedule
 * goes on; a run missed because the database is unavailable is one WARN line, without a stack trace.
 */
public final class ScheduledJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);

    private final String name;
    private final Runnable task;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ScheduledJob(String name, Runnable task, Duration initialDelay, Duration interval) {
        this.name = name;
        this.task = task;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "faultline-" + name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Scheduled {} every {}", name, interval);
    }

    private void runSafely() {
        try {
            task.run();
        } catch (StorageUnavailable e) {
            LOG.warn("Scheduled {} could not run, the database is unavailable ({}); it runs again in {}",
                    name, e.getMessage(), interval);
        } catch (RuntimeException e) {
            LOG.error("Scheduled {} failed; it runs again in {}", name, interval, e);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
