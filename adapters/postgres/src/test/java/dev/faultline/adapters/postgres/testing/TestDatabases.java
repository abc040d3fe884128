package dev.faultline.adapters.postgres.testing;

import dev.faultline.adapters.postgres.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM (started on first use, stopped at JVM exit), a
 * template database migrated once, and a fresh database per caller copied from that template in a few
 * milliseconds. Typical use, once per test class:
 *
 * <pre>{@code
 * static final TestDatabase db = TestDatabases.fresh();
 * @BeforeEach void clean() { db.truncateAll(); }
 * }</pre>
 */
public final class TestDatabases {
    private static final String TEMPLATE = "faultline_template";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    /** A new, migrated, empty database of its own. */
    public static synchronized TestDatabase fresh() {
        EmbeddedPostgres pg = server();
        String name = "faultline_test_" + SEQUENCE.incrementAndGet();
        execute(pg.getPostgresDatabase(), "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        DataSource dataSource = pg.getDatabase("postgres", name);
        return new TestDatabase(name, pg.getJdbcUrl("postgres", name), dataSource, Database.jdbi(dataSource));
    }

    /**
     * A new database with no schema at all, for tests of code that migrates by itself (the server, the CLI).
     */
    public static synchronized TestDatabase freshEmpty() {
        EmbeddedPostgres pg = server();
        String name = "faultline_empty_" + SEQUENCE.incrementAndGet();
        execute(pg.getPostgresDatabase(), "CREATE DATABASE " + name);
        DataSource dataSource = pg.getDatabase("postgres", name);
        return new TestDatabase(name, pg.getJdbcUrl("postgres", name), dataSource, Database.jdbi(dataSource));
    }

    /** The server itself, for tests that need to create databases of their own. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start();
            execute(pg.getPostgresDatabase(), "CREATE DATABASE " + TEMPLATE);
            Database.migrate(pg.getDatabase("postgres", TEMPLATE));
            execute(pg.getPostgresDatabase(), "ALTER DATABASE " + TEMPLATE + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql, e);
        }
    }
}
