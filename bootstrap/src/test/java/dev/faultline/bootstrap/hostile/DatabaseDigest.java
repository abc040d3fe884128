package dev.faultline.bootstrap.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A digest of every row of every table, to prove a request changed nothing. Columns that a refused request may
 * legitimately touch are left out: when a token or a browser session was last seen. The crash reports themselves
 * (events, their frames and tags: thousands of rows no HTTP endpoint writes) are counted, not hashed, which keeps a
 * digest within a few milliseconds.
 */
final class DatabaseDigest {
    static final List<String> SEEN_COLUMNS = List.of("last_used_at", "last_seen_at", "idle_expires_at");
    static final List<String> COUNTED_ONLY = List.of("events", "event_frames", "event_tags");

    private DatabaseDigest() {
    }

    static Map<String, String> of(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            List<String> tables = handle.createQuery("""
                            SELECT tablename FROM pg_tables
                            WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'
                            ORDER BY tablename
                            """)
                    .mapTo(String.class)
                    .list();
            Map<String, String> digests = new LinkedHashMap<>();
            String ignored = "ARRAY['" + String.join("','", SEEN_COLUMNS) + "']";
            String query = tables.stream()
                    .map(table -> "SELECT '" + table + "' AS name, " + (COUNTED_ONLY.contains(table)
                            ? "(SELECT count(*)::text FROM \"" + table + "\")"
                            : "(SELECT count(*) || ':' || coalesce(md5(string_agg(row, ',' ORDER BY row)), '') FROM "
                                    + "(SELECT (to_jsonb(t) - " + ignored + ")::text AS row FROM \""
                                    + table.replace("\"", "\"\"") + "\" t) r)") + " AS digest")
                    .collect(java.util.stream.Collectors.joining(" UNION ALL "));
            handle.createQuery(query).map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("digest")))
                    .forEach(entry -> digests.put(entry.getKey(), entry.getValue()));
            return digests;
        });
    }
}
