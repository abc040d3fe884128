package dev.faultline.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.shared.StorageUnavailable;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database that cannot be reached is {@link StorageUnavailable}; a bug in our SQL is not. */
class UnavailableStorageTest {
    static final TestDatabase db = TestDatabases.fresh();

    @BeforeEach
    void clean() {
        db.truncateAll();
    }

    @Test
    void a_refused_connection_is_storage_unavailable() throws Exception {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere.setPortNumbers(new int[] {socket.getLocalPort()});
        }
        nowhere.setServerNames(new String[] {"localhost"});
        nowhere.setDatabaseName("faultline");
        Jdbi jdbi = Database.jdbi(nowhere);

        assertThatThrownBy(() -> jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageStartingWith("no database connection: SQLState 08001: Connection to localhost:");
    }

    @Test
    void a_session_ended_by_the_server_mid_transaction_is_storage_unavailable_and_changes_nothing() {
        assertThatThrownBy(() -> db.transactions().run(() -> {
            insertUser("first@example.com");
            db.jdbi().useHandle(h -> h.createQuery("SELECT pg_terminate_backend(pg_backend_pid())")
                    .mapTo(Boolean.class).one());
        }))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageStartingWith("database connection lost: SQLState 57P01: ");

        assertThat(userCount()).isZero();
    }

    @Test
    void a_constraint_violated_by_our_sql_is_a_bug_not_an_outage() {
        insertUser("someone@example.com");

        assertThatThrownBy(() -> insertUser("someone@example.com"))
                .isNotInstanceOf(StorageUnavailable.class)
                .hasMessageContaining("users_email_unique");
    }

    @Test
    void a_nested_unit_of_work_reports_the_outage_once_not_wrapped_twice() {
        assertThatThrownBy(() -> db.transactions().run(() -> db.transactions().run(() ->
                db.jdbi().useHandle(h -> h.createQuery("SELECT pg_terminate_backend(pg_backend_pid())")
                        .mapTo(Boolean.class).one()))))
                .isInstanceOf(StorageUnavailable.class)
                .satisfies(e -> assertThat(e.getCause()).isNotInstanceOf(StorageUnavailable.class));
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
