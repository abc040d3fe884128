package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.MembershipsContract;

class InMemoryMembershipsTest extends MembershipsContract {
    private final InMemoryTrackerStore store = new InMemoryTrackerStore();

    @Override
    protected Memberships memberships() {
        return store.memberships;
    }

    @Override
    protected Users users() {
        return store.users;
    }

    @Override
    protected Applications applications() {
        return store.applications;
    }
}
