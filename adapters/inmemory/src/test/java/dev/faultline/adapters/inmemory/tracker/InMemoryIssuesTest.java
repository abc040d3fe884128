package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.IssuesContract;

class InMemoryIssuesTest extends IssuesContract {
    private final InMemoryTrackerStore store = new InMemoryTrackerStore();

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

    @Override
    protected Transactions transactions() {
        return store.transactions;
    }
}
