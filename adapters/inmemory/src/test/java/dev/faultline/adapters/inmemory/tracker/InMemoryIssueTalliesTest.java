package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.IssueTalliesContract;
import dev.faultline.application.tracker.port.out.Issues;

class InMemoryIssueTalliesTest extends IssueTalliesContract {
    private final InMemoryTrackerStore store = new InMemoryTrackerStore();

    @Override
    protected IssueTallies tallies() {
        return store.tallies;
    }

    @Override
    protected Issues issues() {
        return store.issues;
    }

    @Override
    protected Applications applications() {
        return store.applications;
    }
}
