package dev.faultline.adapters.postgres.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.postgres.storage.PostgresStorage;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.intake.IngestStorageContract;
import dev.faultline.application.storage.Storage;
import org.junit.jupiter.api.AfterEach;

/**
 * The ingest contract on PostgreSQL, including the concurrent ingests (real row locks and unique keys). After every
 * test (ingest, status changes, regressions, mutes ending, retention) each tally row's copy of its issue's
 * application, status, level and mute end (V15, V16) equals the issue's own values.
 */
class PostgresIngestStorageTest extends IngestStorageContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final Storage storage = PostgresStorage.on(db.jdbi());

    @Override
    protected Storage storage() {
        return storage;
    }

    @AfterEach
    void tally_copies_equal_their_issues() {
        db.jdbi().useHandle(handle -> {
            assertThat(handle.createQuery("SELECT count(*) FROM issue_tallies").mapTo(Long.class).one())
                    .as("tallies to compare").isPositive();
            assertThat(handle.createQuery("SELECT t.issue_id || ' ' || t.dimension || ' ' || t.value"
                            + " FROM issue_tallies t JOIN issues i ON i.id = t.issue_id"
                            + " WHERE (t.application_id, t.issue_status, t.issue_level, t.issue_muted_until)"
                            + " IS DISTINCT FROM (i.application_id, i.status, i.level, i.muted_until)")
                    .mapTo(String.class).list()).as("tally rows whose copies differ from their issue").isEmpty();
        });
    }
}
