package dev.faultline.bootstrap.wiring;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.adapters.postgres.JdbiTransactions;
import dev.faultline.adapters.postgres.PostgresExclusiveJobs;
import dev.faultline.application.shared.ExclusiveJobs;
import dev.faultline.application.shared.Transactions;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.database.DatabaseConnection;
import java.time.Clock;

/**
 * Faultline wired together: the database, the repositories over it and the use cases on top. The server and
 * every CLI command open one of these from the same configuration, so they all behave the same.
 */
public final class Faultline implements AutoCloseable {
    private final FaultlineConfiguration configuration;
    private final DatabaseConnection database;
    private final Clock clock;
    private final Transactions transactions;
    private final ExclusiveJobs exclusiveJobs;
    private final int migrationsApplied;

    private Faultline(FaultlineConfiguration configuration, DatabaseConnection database, Clock clock,
                      int migrationsApplied) {
        this.configuration = configuration;
        this.migrationsApplied = migrationsApplied;
        this.database = database;
        this.clock = clock;
        this.transactions = new JdbiTransactions(database.jdbi());
        this.exclusiveJobs = new PostgresExclusiveJobs(database.jdbi());
    }

    /** Starts the database if embedded, migrates the schema, and wires everything. */
    public static Faultline open(FaultlineConfiguration configuration, MetricRegistry metrics) {
        DatabaseConnection database = DatabaseConnection.open(configuration.getDatabase(), metrics);
        try {
            int applied = database.migrate();
            return new Faultline(configuration, database, Clock.systemUTC(), applied);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public FaultlineConfiguration configuration() {
        return configuration;
    }

    public DatabaseConnection database() {
        return database;
    }

    /** How many schema migrations opening this instance applied. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    public Clock clock() {
        return clock;
    }

    public Transactions transactions() {
        return transactions;
    }

    public ExclusiveJobs exclusiveJobs() {
        return exclusiveJobs;
    }

    @Override
    public void close() {
        database.close();
    }
}
