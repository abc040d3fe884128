package dev.faultline.adapters.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * Entry point to Faultline's PostgreSQL schema: a configured {@link Jdbi} and the Flyway migrations under
 * {@code classpath:db/migration} (versioned, never edited after release).
 *
 * <p>Faultline owns its database: Flyway refuses a non-empty schema without its history table rather than
 * guessing, so point Faultline at an empty database (or one it created).
 *
 * <p>A database that cannot be reached (down, restarting, refusing connections, pool exhausted) surfaces as
 * {@link dev.faultline.application.shared.StorageUnavailable}, never as a Jdbi or JDBC exception.
 */
public final class Database {
    private Database() {
    }

    public static Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(UnavailableStorage.connections(dataSource));
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.setHandleCallbackDecorator(UnavailableStorage.callbacks());
        RememberedArguments.installOn(jdbi);
        return jdbi;
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource).migrate();
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
    }
}
