package dev.faultline.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    static final TestDatabase db = TestDatabases.fresh();

    @BeforeEach
    void clean() {
        db.truncateAll();
    }

    @Test
    void migrations_are_applied_and_running_them_again_changes_nothing() {
        assertThat(Database.migrate(db.dataSource()).migrationsExecuted).isZero();
        int applied = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE success").mapTo(Integer.class).one());
        assertThat(applied).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_unit_of_work_that_fails_leaves_nothing_behind() {
        JdbiTransactions transactions = db.transactions();
        assertThatThrownBy(() -> transactions.run(() -> {
            insertUser("first@example.com");
            insertUser("second@example.com");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(userCount()).isZero();
    }

    @Test
    void nested_units_of_work_join_the_outer_one() {
        JdbiTransactions transactions = db.transactions();
        assertThatThrownBy(() -> transactions.run(() -> {
            transactions.run(() -> insertUser("inner@example.com"));
            throw new IllegalStateException("outer fails after inner finished");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(userCount()).isZero();
    }

    @Test
    void a_unit_of_work_that_succeeds_keeps_every_write() {
        db.transactions().run(() -> {
            insertUser("first@example.com");
            insertUser("second@example.com");
        });
        assertThat(userCount()).isEqualTo(2);
    }

    @Test
    void email_addresses_are_unique_regardless_of_case() {
        insertUser("Someone@Example.com");
        assertThatThrownBy(() -> insertUser("someone@example.com"))
                .hasMessageContaining("users_email_unique");
    }

    private void insertUser(String email) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO users (id, email, display_name, password_hash, created_at)
                        VALUES (:id, :email, 'Someone', '$argon2id$x', :now)""")
                .bind("id", UUID.randomUUID())
                .bind("email", email)
                .bind("now", Instant.now())
                .execute());
    }

    private int userCount() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Integer.class).one());
    }
}
