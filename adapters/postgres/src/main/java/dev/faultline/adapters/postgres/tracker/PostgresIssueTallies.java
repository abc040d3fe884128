package dev.faultline.adapters.postgres.tracker;

import static dev.faultline.adapters.postgres.Rows.instant;
import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.domain.tracker.IssueId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Tallies in {@code issue_tallies} and {@code issue_daily_counts}, counted together by one statement of upserts. */
public final class PostgresIssueTallies implements IssueTallies {
    /**
     * The day's count and the release's and environment's tallies in one statement (a data-modifying WITH and an
     * upsert over arrays): one statement, not three, per ingested event.
     */
    private static final String COUNT = "WITH daily AS (INSERT INTO issue_daily_counts (issue_id, day, event_count) "
            + "VALUES (:issueId, :day, 1) ON CONFLICT (issue_id, day) DO UPDATE "
            + "SET event_count = issue_daily_counts.event_count + 1) "
            + "INSERT INTO issue_tallies (issue_id, dimension, value, first_seen, last_seen, event_count) "
            + "SELECT :issueId, v.dimension, v.value, :at, :at, 1 "
            + "FROM unnest(:dimensions, :values) AS v(dimension, value) "
            + "ON CONFLICT (issue_id, dimension, value) DO UPDATE SET "
            + "first_seen = LEAST(issue_tallies.first_seen, EXCLUDED.first_seen), "
            + "last_seen = GREATEST(issue_tallies.last_seen, EXCLUDED.last_seen), "
            + "event_count = issue_tallies.event_count + 1";

    private final Jdbi jdbi;

    public PostgresIssueTallies(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void count(IssueId issueId, Optional<String> release, Optional<String> environment, Instant occurredAt) {
        List<String> dimensions = new ArrayList<>(2);
        List<String> values = new ArrayList<>(2);
        release.ifPresent(r -> {
            dimensions.add("release");
            values.add(r);
        });
        environment.ifPresent(e -> {
            dimensions.add("environment");
            values.add(e);
        });
        jdbi.useHandle(handle -> handle.createUpdate(COUNT)
                .bind("issueId", issueId.value())
                .bind("day", LocalDate.ofInstant(occurredAt, ZoneOffset.UTC))
                .bind("at", timestamp(occurredAt))
                .bind("dimensions", dimensions.toArray(String[]::new))
                .bind("values", values.toArray(String[]::new))
                .execute());
    }

    @Override
    public List<Tally> releases(IssueId issueId) {
        return list(issueId, "release");
    }

    @Override
    public List<Tally> environments(IssueId issueId) {
        return list(issueId, "environment");
    }

    /**
     * One statement: the tallies of both dimensions and the days, told apart by {@code part}. The value is
     * compared byte-wise (COLLATE "C", as {@link #releases} does); days sort by date.
     */
    @Override
    public Seen seen(IssueId issueId, LocalDate from, LocalDate until) {
        List<SeenRow> rows = jdbi.withHandle(handle -> handle.createQuery("SELECT dimension AS part, "
                        + "value COLLATE \"C\" AS value, first_seen, last_seen, event_count, NULL::date AS day "
                        + "FROM issue_tallies WHERE issue_id = :issueId "
                        + "UNION ALL SELECT 'day', NULL, NULL, NULL, event_count, day FROM issue_daily_counts "
                        + "WHERE issue_id = :issueId AND day BETWEEN :from AND :until "
                        + "ORDER BY part, last_seen DESC, value, day")
                .bind("issueId", issueId.value())
                .bind("from", from)
                .bind("until", until)
                .map((rs, ctx) -> rs.getString("part").equals("day")
                        ? new SeenRow("day", null, new DailyCount(rs.getObject("day", LocalDate.class),
                                rs.getLong("event_count")))
                        : new SeenRow(rs.getString("part"), tally(rs), null))
                .list());
        List<Tally> releases = new ArrayList<>();
        List<Tally> environments = new ArrayList<>();
        List<DailyCount> days = new ArrayList<>();
        for (SeenRow row : rows) {
            switch (row.part()) {
                case "release" -> releases.add(row.tally());
                case "environment" -> environments.add(row.tally());
                default -> days.add(row.day());
            }
        }
        return new Seen(releases, environments, days);
    }

    /** One row of {@link #seen}: a tally of a dimension, or a day's count. */
    private record SeenRow(String part, Tally tally, DailyCount day) {
    }

    private static Tally tally(ResultSet rs) throws SQLException {
        return new Tally(rs.getString("value"), instant(rs, "first_seen"), instant(rs, "last_seen"),
                rs.getLong("event_count"));
    }

    private List<Tally> list(IssueId issueId, String dimension) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT value, first_seen, last_seen, event_count "
                        + "FROM issue_tallies WHERE issue_id = :issueId AND dimension = :dimension "
                        + "ORDER BY last_seen DESC, value COLLATE \"C\"")
                .bind("issueId", issueId.value())
                .bind("dimension", dimension)
                .map((rs, ctx) -> new Tally(rs.getString("value"), instant(rs, "first_seen"),
                        instant(rs, "last_seen"), rs.getLong("event_count")))
                .list());
    }

    @Override
    public List<DailyCount> dailyCounts(IssueId issueId, LocalDate from, LocalDate until) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT day, event_count FROM issue_daily_counts "
                        + "WHERE issue_id = :issueId AND day BETWEEN :from AND :until ORDER BY day")
                .bind("issueId", issueId.value())
                .bind("from", from)
                .bind("until", until)
                .map((rs, ctx) -> new DailyCount(rs.getObject("day", LocalDate.class), rs.getLong("event_count")))
                .list());
    }
}
