package dev.faultline.bootstrap.purge;

import com.codahale.metrics.health.HealthCheck;

/**
 * Unhealthy while this instance's most recent purge attempt failed (the next successful run clears it).
 * An instance that never purged, because the job was not due yet or another instance held it, is healthy.
 */
public final class PurgeHealthCheck extends HealthCheck {
    private final PurgeJob job;

    public PurgeHealthCheck(PurgeJob job) {
        this.job = job;
    }

    @Override
    protected Result check() {
        return job.lastRun()
                .map(run -> run.succeeded()
                        ? Result.healthy("last purge at " + run.startedAt() + ": " + run.detail())
                        : Result.unhealthy("last purge at " + run.startedAt() + " failed: " + run.detail()))
                .orElseGet(() -> Result.healthy("no purge has run on this instance yet"));
    }
}
