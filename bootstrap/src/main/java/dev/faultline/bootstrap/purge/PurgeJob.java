package dev.faultline.bootstrap.purge;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.application.shared.ExclusiveJobs;
import dev.faultline.application.shared.StorageUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every purge step once, as the only purger among all instances sharing the database (an instance
 * that finds the job busy skips its turn). Counts go to the log and to metrics ({@code purge.<kind>});
 * the outcome of the last run feeds the purge health check.
 */
public final class PurgeJob {
    public static final String JOB_NAME = "purge";
    private static final Logger LOG = LoggerFactory.getLogger(PurgeJob.class);

    private final ExclusiveJobs jobs;
    private final List<PurgeStep> steps;
    private final MetricRegistry metrics;
    private final Clock clock;
    private final AtomicReference<LastRun> lastRun = new AtomicReference<>();

    public PurgeJob(ExclusiveJobs jobs, List<PurgeStep> steps, MetricRegistry metrics, Clock clock) {
        this.jobs = jobs;
        this.steps = List.copyOf(steps);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs the purge now; empty when another instance is purging at this moment. */
    public Optional<Map<String, Long>> runOnce() {
        Instant started = clock.instant();
        try {
            Optional<Map<String, Long>> counts = jobs.runIfFree(JOB_NAME, this::runSteps);
            counts.ifPresentOrElse(
                    c -> {
                        lastRun.set(new LastRun(started, true, c.toString()));
                        LOG.info("Purge finished: {}", c);
                    },
                    () -> LOG.info("Purge skipped: another instance is purging"));
            return counts;
        } catch (StorageUnavailable e) {
            lastRun.set(new LastRun(started, false, e.getClass().getSimpleName() + ": " + e.getMessage()));
            throw e; // not a bug: whoever ran the purge reports it in one line
        } catch (RuntimeException e) {
            lastRun.set(new LastRun(started, false, e.getClass().getSimpleName() + ": " + e.getMessage()));
            LOG.error("Purge failed", e);
            throw e;
        }
    }

    public Optional<LastRun> lastRun() {
        return Optional.ofNullable(lastRun.get());
    }

    private Map<String, Long> runSteps() {
        Map<String, Long> total = new LinkedHashMap<>();
        for (PurgeStep step : steps) {
            step.run().forEach((kind, count) -> {
                total.merge(kind, count, Long::sum);
                metrics.counter(MetricRegistry.name("purge", kind)).inc(count);
            });
        }
        return total;
    }

    /** When the last run on this instance started, whether it succeeded, and what it did or why it failed. */
    public record LastRun(Instant startedAt, boolean succeeded, String detail) {
    }
}
