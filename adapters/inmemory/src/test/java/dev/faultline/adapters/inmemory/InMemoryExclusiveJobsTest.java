package dev.faultline.adapters.inmemory;

import dev.faultline.application.shared.ExclusiveJobs;
import dev.faultline.application.shared.ExclusiveJobsContract;

class InMemoryExclusiveJobsTest extends ExclusiveJobsContract {
    private final InMemoryExclusiveJobs jobs = new InMemoryExclusiveJobs();

    @Override
    protected ExclusiveJobs firstRunner() {
        return jobs;
    }

    @Override
    protected ExclusiveJobs secondRunner() {
        return jobs;
    }
}
