package dev.faultline.adapters.postgres.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.Database;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** V10 numbers the applications that existed before it, and the columns refuse what the domain refuses. */
class IngestIdMigrationTest {

    @Test
    void applications_stored_before_v10_get_distinct_positive_ingest_ids_and_new_ones_follow() {
        TestDatabase db = TestDatabases.freshEmpty();
        Flyway.configure().configuration(Database.flyway(db.dataSource()).getConfiguration()).target("9").load()
                .migrate();
        db.jdbi().useHandle(h -> h.execute("INSERT INTO applications (id, name, slug, platform, created_at) VALUES "
                + "(gen_random_uuid(), 'A', 'a', 'java', now()), (gen_random_uuid(), 'B', 'b', 'java', now())"));
        Database.migrate(db.dataSource());
        List<Long> before = db.jdbi().withHandle(h -> h.createQuery("SELECT ingest_id FROM applications ORDER BY slug")
                .mapTo(Long.class).list());
        assertThat(before).doesNotHaveDuplicates().allMatch(id -> id > 0);
        db.jdbi().useHandle(h -> h.execute("INSERT INTO applications (id, name, slug, platform, created_at) VALUES "
                + "(gen_random_uuid(), 'C', 'c', 'java', now())"));
        long after = db.jdbi().withHandle(h -> h.createQuery("SELECT ingest_id FROM applications WHERE slug = 'c'")
                .mapTo(Long.class).one());
        assertThat(after).isGreaterThan(before.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void the_key_table_refuses_what_the_domain_refuses() {
        TestDatabase db = TestDatabases.fresh();
        db.jdbi().useHandle(h -> h.execute("INSERT INTO applications (id, name, slug, platform, created_at) VALUES "
                + "('00000000-0000-0000-0000-000000000001', 'A', 'a', 'java', now())"));
        String insert = "INSERT INTO ingest_keys (id, application_id, public_key, label, enabled, events_per_minute, "
                + "created_at) VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', '%s', '%s', true, %s,"
                + " now())";
        String key = "0123456789abcdef0123456789abcdef";
        db.jdbi().useHandle(h -> h.execute(String.format(insert, key, "x".repeat(100), "1000000")));
        for (String bad : List.of(String.format(insert, "0123456789ABCDEF0123456789ABCDEF", "a", "null"),
                String.format(insert, "f".repeat(32), "", "null"),
                String.format(insert, "e".repeat(32), "x".repeat(101), "null"),
                String.format(insert, "d".repeat(32), " padded", "null"),
                String.format(insert, "c".repeat(32), "a' || chr(10) || 'b", "null"),
                String.format(insert, "b".repeat(32), "a", "0"),
                String.format(insert, "a".repeat(32), "a", "1000001"),
                String.format(insert, key, "duplicate", "null"))) {
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(bad)))
                    .isInstanceOf(UnableToExecuteStatementException.class);
        }
        db.jdbi().useHandle(h -> h.execute("DELETE FROM applications"));
        int keysLeft = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ingest_keys")
                .mapTo(Integer.class).one());
        assertThat(keysLeft).as("an application's keys go with it").isZero();
    }
}
