package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.application.tracker.port.out.NotesContract;

class InMemoryNotesTest extends NotesContract {
    private final InMemoryTrackerStore store = new InMemoryTrackerStore();

    @Override
    protected Notes notes() {
        return store.notes;
    }

    @Override
    protected Issues issues() {
        return store.issues;
    }

    @Override
    protected Applications applications() {
        return store.applications;
    }

    @Override
    protected Users users() {
        return store.users;
    }
}
