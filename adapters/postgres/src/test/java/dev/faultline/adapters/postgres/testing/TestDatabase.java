package dev.faultline.adapters.postgres.testing;

import dev.faultline.adapters.postgres.JdbiTransactions;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** One migrated test database: its data source, a configured Jdbi, and a way to empty it between tests. */
/** {@code jdbcUrl} connects as the trusted {@code postgres} user with no password. */
public record TestDatabase(String name, String jdbcUrl, DataSource dataSource, Jdbi jdbi) {

    public JdbiTransactions transactions() {
        return new JdbiTransactions(jdbi);
    }

    /** Empties every application table (keeps Flyway's history), resetting identities. */
    public void truncateAll() {
        jdbi.useHandle(handle -> {
            List<String> tables = handle.createQuery("""
                            SELECT quote_ident(tablename) FROM pg_tables
                            WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'
                            """)
                    .mapTo(String.class)
                    .list();
            if (!tables.isEmpty()) {
                handle.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            }
        });
    }
}
