package dev.faultline.adapters.inmemory.intake;

import dev.faultline.adapters.inmemory.tracker.InMemoryApplications;
import dev.faultline.application.intake.port.out.IngestIds;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.intake.port.out.IngestKeysContract;
import dev.faultline.application.tracker.port.out.Applications;

class InMemoryIngestKeysTest extends IngestKeysContract {
    private final InMemoryIngestKeys keys = new InMemoryIngestKeys();
    private final InMemoryApplications applications = new InMemoryApplications();

    @Override
    protected IngestKeys keys() {
        return keys;
    }

    @Override
    protected IngestIds ingestIds() {
        return applications;
    }

    @Override
    protected Applications applications() {
        return applications;
    }
}
