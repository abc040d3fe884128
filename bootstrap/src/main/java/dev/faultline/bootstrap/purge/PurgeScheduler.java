package dev.faultline.bootstrap.purge;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purge job on a fixed delay while the server runs (a {@link Managed} object, so CLI commands,
 * which never start managed objects, do not purge behind the user's back; they have {@code purge}).
 */
public final class PurgeScheduler implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(PurgeScheduler.class);

    private final PurgeJob job;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public PurgeScheduler(PurgeJob job, Duration interval) {
        this.job = job;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "faultline-purge");
            thread.setDaemon(true);
            return thread;
        });
        long delay = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runSafely, Math.min(delay, 30_000), delay, TimeUnit.MILLISECONDS);
        LOG.info("Purge scheduled every {}", interval);
    }

    private void runSafely() {
        try {
            job.runOnce();
        } catch (RuntimeException e) {
            // already logged by the job; keep the schedule alive for the next attempt
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
