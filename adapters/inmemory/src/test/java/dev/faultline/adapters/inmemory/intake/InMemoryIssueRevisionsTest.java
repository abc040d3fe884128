package dev.faultline.adapters.inmemory.intake;

import dev.faultline.adapters.inmemory.storage.InMemoryStorage;
import dev.faultline.application.intake.IssueRevisionsContract;
import dev.faultline.application.storage.Storage;

class InMemoryIssueRevisionsTest extends IssueRevisionsContract {
    private final Storage storage = InMemoryStorage.empty();

    @Override
    protected Storage storage() {
        return storage;
    }
}
