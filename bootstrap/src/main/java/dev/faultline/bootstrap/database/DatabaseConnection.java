package dev.faultline.bootstrap.database;

import dev.faultline.adapters.postgres.Database;
import dev.faultline.bootstrap.config.DatabaseSettings;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
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

    /** The listening connection gives up on a silent server after this long (its own keep-alive query). */
    static final int UNPOOLED_SOCKET_TIMEOUT_SECONDS = 10;

    private final Optional<EmbeddedDatabase> embedded;
    private final ManagedDataSource dataSource;
    private final Jdbi jdbi;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private DatabaseConnection(Optional<EmbeddedDatabase> embedded, ManagedDataSource dataSource, String jdbcUrl,
                               String user, String password) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Database.jdbi(dataSource);
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** @param sharing what to do when the embedded database belongs to a Faultline that is running */
    public static DatabaseConnection open(DatabaseSettings settings, MetricRegistry metrics,
                                          EmbeddedDatabase.Sharing sharing) {
        Optional<EmbeddedDatabase> embedded = settings.isEmbedded()
                ? Optional.of(EmbeddedDatabase.open(java.nio.file.Path.of(settings.getEmbeddedDataDirectory()),
                        settings.getEmbeddedPort(), sharing))
                : Optional.empty();
        try {
            String url = embedded.map(EmbeddedDatabase::jdbcUrl).orElseGet(settings::getUrl);
            String user = embedded.map(EmbeddedDatabase::user).orElseGet(settings::getUser);
            String password = embedded.map(EmbeddedDatabase::password).orElseGet(settings::getPassword);
            ManagedDataSource dataSource = withoutStatementFacades(
                    settings.pool(url, user, password).build(metrics, "postgresql"));
            return new DatabaseConnection(embedded, dataSource, url, user, password);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    /**
     * The pool (tomcat-jdbc) wraps every statement and result set in a reflective proxy by default, only so that
     * equals and hashCode work on closed statements for interceptors; Faultline configures none, and JFR of
     * {@code get_issue} put that proxying at about 8% of a call's samples. Set before the pool's first connection.
     */
    private static ManagedDataSource withoutStatementFacades(ManagedDataSource dataSource) {
        if (dataSource instanceof org.apache.tomcat.jdbc.pool.DataSourceProxy pool) {
            pool.getPoolProperties().setUseStatementFacade(false);
        }
        return dataSource;
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

    /**
     * A new connection of its own, outside the pool (for {@code LISTEN}): the caller closes it. A read on it fails
     * after {@value #UNPOOLED_SOCKET_TIMEOUT_SECONDS} s of silence from the server.
     */
    public Connection openUnpooled() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "faultline-chain-listener");
        properties.setProperty("socketTimeout", Integer.toString(UNPOOLED_SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        return java.sql.DriverManager.getConnection(jdbcUrl, properties);
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
