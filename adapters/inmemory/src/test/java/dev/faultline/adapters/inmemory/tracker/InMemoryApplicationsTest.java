package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.ApplicationsContract;

class InMemoryApplicationsTest extends ApplicationsContract {
    private final InMemoryTrackerStore store = new InMemoryTrackerStore();

    @Override
    protected Applications applications() {
        return store.applications;
    }
}
