package dev.faultline.bootstrap.database;

import dev.faultline.adapters.postgres.Database;
import dev.faultline.bootstrap.config.DatabaseSettings;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import java.util.Optional;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database Faultline runs on: the embedded server (started here when {@code database.url} is
 * {@code embedded}) or an external PostgreSQL, behind a connection pool, with the schema migrated.
 * Closing stops the pool first and then the embedded server.
 */
public final class DatabaseConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConnection.class);

    private final Optional<EmbeddedDatabase> embedded;
    private final ManagedDataSource dataSource;
    private final Jdbi jdbi;

    private DatabaseConnection(Optional<EmbeddedDatabase> embedded, ManagedDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Database.jdbi(dataSource);
    }

    /** @param sharing what to do when the embedded database belongs to a Faultline that is running */
    public static DatabaseConnection open(DatabaseSettings settings, MetricRegistry metrics,
                                          EmbeddedDatabase.Sharing sharing) {
        Optional<EmbeddedDatabase> embedded = settings.isEmbedded()
                ? Optional.of(EmbeddedDatabase.open(java.nio.file.Path.of(settings.getEmbeddedDataDirectory()),
                        settings.getEmbeddedPort(), sharing))
                : Optional.empty();
        try {
            ManagedDataSource dataSource = embedded
                    .map(db -> settings.pool(db.jdbcUrl(), db.user(), db.password()))
                    .orElseGet(() -> settings.pool(settings.getUrl(), settings.getUser(), settings.getPassword()))
                    .build(metrics, "postgresql");
            return new DatabaseConnection(embedded, dataSource);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    /** Applies pending Flyway migrations; returns how many ran. */
    public int migrate() {
        MigrateResult result = Database.migrate(dataSource);
        if (result.migrationsExecuted > 0) {
            LOG.info("Database schema migrated to version {} ({} migration(s) applied)",
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
        return result.migrationsExecuted;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public ManagedDataSource dataSource() {
        return dataSource;
    }

    public Optional<EmbeddedDatabase> embedded() {
        return embedded;
    }

    @Override
    public void close() {
        try {
            dataSource.stop();
        } catch (Exception e) {
            LOG.warn("Closing the connection pool failed: {}", e.getMessage());
        }
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
