package dev.faultline.adapters.postgres.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Proves that a query can be answered through the indexes meant for it, in a way no planner choice can flip.
 *
 * <p>Asking the planner which index it prefers is not a proof: on a small or empty table two usable indexes cost
 * the same and the choice flips from run to run. So, inside a transaction that is always rolled back, every other
 * index of the table is dropped (constraints included) and sequential scans are priced out; what the plan then uses
 * is what the kept indexes can serve, and a query they cannot serve shows a sequential scan. A kept index is only
 * counted as serving the query when its leading column is in an index condition: a B-tree can also be read whole,
 * filtering on a later column, which is no better than a sequential scan.
 */
public final class IndexUse {
    private IndexUse() {
    }

    /** Asserts that {@code query} on {@code table} is served by {@code indexes} alone, without scanning the table. */
    public static void assertServedBy(TestDatabase db, String table, String query, String... indexes) {
        String plan = planWithOnly(db, table, Set.of(indexes), query);
        assertThat(plan).as("plan of %s with only %s", query, List.of(indexes))
                .contains(indexes)
                .doesNotContain("Seq Scan");
        List<String> conditions = plan.lines().filter(line -> line.contains("Index Cond:")).toList();
        for (String index : indexes) {
            leadingColumn(db, index).ifPresent(column -> assertThat(conditions)
                    .as("index conditions of %s: %s must constrain %s", query, index, column)
                    .anyMatch(condition -> condition.contains(column)));
        }
    }

    /** The first key column of an index; empty when it is an expression. */
    private static Optional<String> leadingColumn(TestDatabase db, String index) {
        return db.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT a.attname FROM pg_index i
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                        WHERE i.indexrelid = CAST(:index AS regclass)
                        """)
                .bind("index", index)
                .mapTo(String.class)
                .findOne());
    }

    private static String planWithOnly(TestDatabase db, String table, Set<String> kept, String query) {
        return db.jdbi().withHandle(handle -> {
            handle.begin();
            try {
                List<String> present = indexesOf(handle, table);
                assertThat(present).as("indexes of %s", table).containsAll(kept);
                for (String index : present) {
                    if (!kept.contains(index)) {
                        drop(handle, table, index);
                    }
                }
                handle.execute("SET LOCAL enable_seqscan = off");
                return String.join("\n", handle.createQuery("EXPLAIN " + query).mapTo(String.class).list());
            } finally {
                handle.rollback();
            }
        });
    }

    private static List<String> indexesOf(Handle handle, String table) {
        return handle.createQuery("""
                        SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                        WHERE i.indrelid = CAST(:table AS regclass) ORDER BY c.relname
                        """)
                .bind("table", table)
                .mapTo(String.class)
                .list();
    }

    private static void drop(Handle handle, String table, String index) {
        List<String> constraints = handle.createQuery("""
                        SELECT conname FROM pg_constraint
                        WHERE conrelid = CAST(:table AS regclass) AND conindid = CAST(:index AS regclass)
                        """)
                .bind("table", table)
                .bind("index", index)
                .mapTo(String.class)
                .list();
        if (constraints.isEmpty()) {
            handle.execute("DROP INDEX " + quoted(index));
        } else {
            for (String constraint : constraints) {
                handle.execute("ALTER TABLE " + quoted(table) + " DROP CONSTRAINT " + quoted(constraint) + " CASCADE");
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
