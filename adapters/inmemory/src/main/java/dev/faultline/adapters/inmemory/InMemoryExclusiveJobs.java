package dev.faultline.adapters.inmemory;

import dev.faultline.application.shared.ExclusiveJobs;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Exclusive jobs within one process: a job name is busy while some thread runs it. */
public final class InMemoryExclusiveJobs implements ExclusiveJobs {
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    @Override
    public <T> Optional<T> runIfFree(String jobName, Supplier<T> work) {
        if (!running.add(jobName)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            running.remove(jobName);
        }
    }
}
