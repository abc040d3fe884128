package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.EventsContract;
import dev.faultline.application.tracker.port.out.Issues;

class InMemoryEventsTest extends EventsContract {
    private final InMemoryTrackerStore store = new InMemoryTrackerStore();

    @Override
    protected Events events() {
        return store.events;
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
