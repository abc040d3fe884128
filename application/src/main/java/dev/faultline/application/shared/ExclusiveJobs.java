package dev.faultline.application.shared;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a named job only where no other runner (in this process or another instance sharing the store) is
 * running the same job right now. It never waits: a busy job is skipped, which suits periodic work such as
 * purges, where the next tick will catch up.
 */
public interface ExclusiveJobs {
    /** Runs {@code work} and returns its result, or returns empty without running it when the job is busy. */
    <T> Optional<T> runIfFree(String jobName, Supplier<T> work);
}
