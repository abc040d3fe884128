package dev.faultline.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Arguments;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.junit.jupiter.api.Test;

/**
 * Faultline's Jdbi binds every type it uses exactly as a Jdbi without {@link RememberedArguments} does: the same
 * value and the same PostgreSQL type reach the database, nulls included.
 */
class RememberedArgumentsTest {
    static final TestDatabase db = TestDatabases.fresh();

    private static final List<Object> VALUES = List.of(UUID.fromString("0f6c6a2e-2b8e-4c1e-9d59-7a0d3e1f4b21"),
            "text with 'quotes' and ünïcode", 42L, 7, true, 2.5d,
            OffsetDateTime.of(2026, 12, 4, 10, 15, 30, 123_456_000, ZoneOffset.UTC),
            Instant.parse("2026-12-04T10:15:30.123456Z"), LocalDate.of(2026, 12, 4),
            new UUID[] {UUID.fromString("00000000-0000-0000-0000-000000000001")}, new String[] {"a", "b"},
            new long[] {1L, 2L}, List.of("x", "y").toArray(String[]::new));

    @Test
    void binds_every_type_as_jdbi_itself_would() {
        Jdbi plain = Jdbi.create(db.dataSource());
        plain.installPlugin(new PostgresPlugin());
        assertThat(bound(db.jdbi())).isEqualTo(bound(plain)).hasSize(VALUES.size() + 3);
    }

    @Test
    void is_asked_first_and_leaves_jdbi_s_own_factories_in_place() {
        List<?> factories = db.jdbi().getConfig(Arguments.class).getFactories();
        assertThat(factories.get(0).toString()).contains(RememberedArguments.class.getSimpleName());
        assertThat(factories).hasSizeGreaterThan(10);
    }

    /**
     * Each value bound twice (read back as text and as the type PostgreSQL saw), then typed and untyped nulls;
     * a value PostgreSQL refuses (an {@link Instant} has no type it can infer there) gives its SQLSTATE.
     */
    private static List<String> bound(Jdbi jdbi) {
        String sql = "SELECT coalesce(CAST(:v AS text), 'null') || ' ' || pg_typeof(:v)::text";
        return jdbi.withHandle(handle -> {
            List<String> seen = new ArrayList<>();
            for (Object value : VALUES) {
                seen.add(outcome(() -> handle.createQuery(sql).bind("v", value).mapTo(String.class).one()));
            }
            seen.add(outcome(() -> handle.createQuery(sql).bindByType("v", null, UUID.class).mapTo(String.class)
                    .one()));
            seen.add(outcome(() -> handle.createQuery(sql).bindByType("v", null, OffsetDateTime.class)
                    .mapTo(String.class).one()));
            seen.add(outcome(() -> handle.createQuery(sql).bind("v", (Object) null).mapTo(String.class).one()));
            return seen;
        });
    }

    private static String outcome(Supplier<String> query) {
        try {
            return query.get();
        } catch (StatementException e) {
            return e.getCause() instanceof SQLException sql ? "refused " + sql.getSQLState() : "refused " + e;
        }
    }
}
