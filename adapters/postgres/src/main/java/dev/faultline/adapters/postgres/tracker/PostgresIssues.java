package dev.faultline.adapters.postgres.tracker;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.optionalInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.tracker.ActiveMute;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueSort;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Level;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * Issues in {@code issues}. Listing builds one keyset query per sort order (see {@link #list}); every filter is a
 * bound parameter.
 * The status filter is evaluated as of the query's {@code now}: an until-time mute whose moment has come counts
 * as unresolved, exactly like {@link Issue#statusAt}. Text search is case-insensitive, with {@code %}, {@code _} and
 * {@code \} escaped, so the text is matched literally, over each issue's search text (trigram-indexed where pg_trgm is
 * available): a {@code LIKE} of the lowered pattern over the stored, lowered text (V20), which on a UTF-8 database is
 * what {@code ILIKE} does, without lowering every issue's text again on every search.
 */
public final class PostgresIssues implements Issues {
    private static final String COLUMNS = "id, application_id, fingerprint, title, culprit, exception_type, level, "
            + "status, mute_kind, muted_until, mute_until_event_count, first_seen, last_seen, event_count, assignee_id, "
            + "resolved_at";
    /** Where a walk's page query takes the condition of its lane ({@link #lanes}). */
    private static final String LANE = "/* lane */";
    private static final String QUALIFIED_COLUMNS = "i." + COLUMNS.replace(", ", ", i.");
    /**
     * What a text query searches ({@code search_text}, V20): title, culprit and exception type, one per line, lowered.
     * A search text without a line break matches it exactly where it matches one of the three.
     */
    private static final char SEARCH_TEXT_SEPARATOR = '\n';
    private final Jdbi jdbi;
    private final PostgresIssueChanges changes;

    public PostgresIssues(Jdbi jdbi) {
        this(jdbi, PostgresIssueChanges.silent());
    }

    /** Issues whose updates are told to {@code changes}' subscribers once committed. */
    public PostgresIssues(Jdbi jdbi, PostgresIssueChanges changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    @Override
    public Insertion add(Issue issue) {
        int inserted = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO issues (" + COLUMNS + ") VALUES "
                        + "(:id, :applicationId, :fingerprint, :title, :culprit, :exceptionType, :level, :status, "
                        + ":muteKind, :mutedUntil, :muteUntilEventCount, :firstSeen, :lastSeen, :eventCount, "
                        + ":assigneeId, :resolvedAt) ON CONFLICT DO NOTHING")
                .bindMap(values(issue))
                .execute());
        return inserted == 1 ? Insertion.ADDED : Insertion.FINGERPRINT_TAKEN;
    }

    @Override
    public Optional<Issue> findById(IssueId id) {
        return selectById(id, "");
    }

    @Override
    public Optional<Issue> lockById(IssueId id) {
        return selectById(id, " FOR UPDATE");
    }

    @Override
    public Optional<Issue> lockByFingerprint(ApplicationId applicationId, Fingerprint fingerprint) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM issues "
                        + "WHERE application_id = :applicationId AND fingerprint = :fingerprint FOR UPDATE")
                .bind("applicationId", applicationId.value())
                .bind("fingerprint", fingerprint.value())
                .map(PostgresIssues::map)
                .findOne());
    }

    @Override
    public void update(Issue issue) {
        jdbi.useHandle(handle -> {
            handle.createUpdate("UPDATE issues SET level = :level, status = :status, "
                            + "mute_kind = :muteKind, muted_until = :mutedUntil, "
                            + "mute_until_event_count = :muteUntilEventCount, first_seen = :firstSeen, "
                            + "last_seen = :lastSeen, event_count = :eventCount, assignee_id = :assigneeId, "
                            + "resolved_at = :resolvedAt WHERE id = :id")
                    .bindMap(values(issue))
                    .execute();
            changes.changedHere(handle, issue.id());
        });
    }

    /**
     * One page, read so its cost follows the page size rather than the number of issues wherever an index can do
     * that. With a release or environment, the list is ordered by the issue's tally there (the release's when both
     * are given): its own first seen, last seen and count, which V16 indexes per value. An {@code = ANY} over
     * several applications cannot be read in order from any index, so most filters walk, for each application and
     * each status asked for, an index already in the requested order from the keyset position, keep the first
     * {@code fetch} issues of each walk and merge them:
     * <ul>
     * <li>with a release or environment and no text or opened-or-regressed filter, the tallies of that value (each
     *     carries copies of its issue's application, status, level and mute end, V15), checking status and level in
     *     the index and reading only the page's issues; the other value, when both are given, is checked per
     *     issue;</li>
     * <li>with only status, last-seen bounds (and a level when sorting by last seen), the issues index on
     *     (application, status, sort key, id) (or (application, status, level, last seen, id)).</li>
     * </ul>
     * Otherwise (a text, a level in another order, or opened or regressed since) a walk could pass any number of
     * issues before a match, so one query lets the planner start from the filter's own index instead (trigrams,
     * openings by time, tallies by value) when the match is rare, and read the issues once when it is common.
     */
    @Override
    public List<Listed> list(Query query) {
        Issues.Query.Seen seen = query.seen();
        Optional<There> there = seen.release().map(release -> new There("release", release))
                .or(() -> seen.environment().map(environment -> new There("environment", environment)));
        // A walk over a value's tallies only when what else it filters on is copied there (V15) or is the other
        // value: a text or an opening filter could pass any number of tally rows before a match (a rare text among
        // "production"), so those take the one-query shape, where the planner may start from their own index.
        boolean onlyCopiedFilters = query.text().isEmpty() && seen.openedOrRegressedSince().isEmpty();
        boolean tallyWalk = there.isPresent() && onlyCopiedFilters;
        boolean issueWalk = there.isEmpty() && onlyCopiedFilters
                && (seen.level().isEmpty() || query.sort() == IssueSort.LAST_SEEN);
        // where the sort keys and last-seen bounds come from: the value's tally, else the issue
        String keyOf = there.isPresent() ? "t." : "i.";
        String idOf = tallyWalk ? "t.issue_id" : "i.id";
        // what the walked index holds of the issue: its own columns, or the tallies' copies of them (V15)
        String issueOf = tallyWalk ? "t.issue_" : "i.";
        String statusOf = tallyWalk ? "t.issue_status" : "i.status";
        String key = sortColumn(query.sort());
        List<String> filters = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("apps", query.applications().stream().map(ApplicationId::value).toArray(UUID[]::new));
        query.status().ifPresent(status -> {
            filters.add(statusCondition(status, statusOf, issueOf + "muted_until"));
            if (status != IssueStatus.RESOLVED) {
                params.put("now", timestamp(query.now()));
            }
        });
        query.lastSeenFrom().ifPresent(from -> {
            filters.add(keyOf + "last_seen >= :from");
            params.put("from", timestamp(from));
        });
        query.lastSeenUntil().ifPresent(until -> {
            filters.add(keyOf + "last_seen < :until");
            params.put("until", timestamp(until));
        });
        query.after().ifPresent(position -> {
            filters.add("(" + keyOf + key + ", " + idOf + ") < (:afterKey, :afterId)");
            params.put("afterKey", query.sort() == IssueSort.EVENT_COUNT
                    ? (Object) position.key()
                    : timestamp(Times.ofEpochMicros(position.key())));
            params.put("afterId", position.id().value());
        });
        seen.level().ifPresent(level -> {
            filters.add(issueOf + "level = :level");
            params.put("level", level.wireName());
        });
        query.text().ifPresent(text -> {
            filters.add(text.indexOf(SEARCH_TEXT_SEPARATOR) < 0
                    ? "i.search_text LIKE lower(:pattern)"
                    : "(i.title ILIKE :pattern OR i.culprit ILIKE :pattern OR i.exception_type ILIKE :pattern)");
            params.put("pattern", "%" + escapeLike(text) + "%");
        });
        seen.release().ifPresent(release -> seen.environment().ifPresent(environment -> {
            filters.add(seenIn("environment", idOf));
            params.put("environment", environment);
        }));
        seen.openedOrRegressedSince().ifPresent(since -> {
            filters.add("(i.first_seen >= :changedSince OR i.id IN (SELECT a.issue_id FROM issue_activity a"
                    + " WHERE a.kind IN ('opened', 'regressed') AND a.occurred_at >= :changedSince))");
            params.put("changedSince", timestamp(since));
        });
        there.ifPresent(value -> {
            params.put("thereDimension", value.dimension());
            params.put("thereValue", value.value());
        });
        params.put("fetch", query.fetch());
        String thereColumns = ", t.first_seen AS there_first_seen, t.last_seen AS there_last_seen, "
                + "t.event_count AS there_event_count";
        String thereRow = "t.dimension = :thereDimension AND t.value = :thereValue";
        String sql;
        if (tallyWalk) {
            params.put("statuses", statusesToWalk(query.status()));
            String page = "SELECT t.issue_id, t." + key + " AS sort_key FROM issue_tallies t WHERE " + thereRow
                    + " AND t.application_id = a.app AND " + LANE + andEach(filters) + " ORDER BY t." + key + " DESC, t.issue_id DESC LIMIT :fetch";
            sql = "SELECT " + QUALIFIED_COLUMNS + thereColumns + " FROM (SELECT p.issue_id, p.sort_key FROM ("
                    + lanes(query.status(), page, "t.issue_status", "t.issue_muted_until")
                    + ") p ORDER BY p.sort_key DESC, p.issue_id DESC LIMIT :fetch) w"
                    + " JOIN issues i ON i.id = w.issue_id"
                    + " JOIN issue_tallies t ON t.issue_id = w.issue_id AND " + thereRow
                    + " ORDER BY w.sort_key DESC, w.issue_id DESC";
        } else if (there.isPresent()) {
            filters.add(0, "i.application_id = ANY(:apps)");
            sql = "SELECT " + QUALIFIED_COLUMNS + thereColumns + " FROM issues i JOIN issue_tallies t"
                    + " ON t.issue_id = i.id AND " + thereRow + " WHERE " + String.join(" AND ", filters)
                    + " ORDER BY t." + key + " DESC, i.id DESC LIMIT :fetch";
        } else if (issueWalk) {
            params.put("statuses", statusesToWalk(query.status()));
            String page = "SELECT " + QUALIFIED_COLUMNS + " FROM issues i WHERE i.application_id = a.app AND " + LANE
                    + andEach(filters) + " ORDER BY i." + key + " DESC, i.id DESC LIMIT :fetch";
            sql = "SELECT p.* FROM (" + lanes(query.status(), page, "i.status", "i.muted_until") + ") p ORDER BY p."
                    + key + " DESC, p.id DESC LIMIT :fetch";
        } else {
            filters.add(0, "i.application_id = ANY(:apps)");
            sql = "SELECT " + QUALIFIED_COLUMNS + " FROM issues i WHERE " + String.join(" AND ", filters)
                    + " ORDER BY i." + key + " DESC, i.id DESC LIMIT :fetch";
        }
        boolean walked = tallyWalk || issueWalk;
        RowMapper<Listed> listed = (rs, ctx) -> new Listed(map(rs, ctx), there.isEmpty() ? Optional.empty()
                : Optional.of(new IssueTallies.Tally(there.get().value(), nullableInstant(rs, "there_first_seen"),
                        nullableInstant(rs, "there_last_seen"), rs.getLong("there_event_count"))));
        return jdbi.withHandle(handle -> walked ? GenericPlan.list(handle, sql, params, listed)
                : handle.createQuery(sql).bindMap(params).addCustomizer(PlannedForItsValues.INSTANCE)
                        .map(listed).list());
    }

    /**
     * The one-query shape leaves the planner to choose where to start (a text's trigram index, an opening's activity
     * index, a walk in the list's order), and only the values say which is right: a search text matches anything from
     * none to every issue. A plan made without them (PostgreSQL's generic plan, which a statement prepared on the
     * server gets after five executions if it looks cheaper than the plans made so far) assumed a rare text and read
     * every match of a common one, 148 ms instead of 0.2 ms on 50k issues. Such a statement is sent unprepared, so it is
     * planned for its values each time (about 0.4 ms of planning). An operator's {@code plan_cache_mode =
     * force_generic_plan} would still override this. The walks' shapes are prepared as usual: their plan does not
     * depend on the values.
     */
    private enum PlannedForItsValues implements StatementCustomizer {
        INSTANCE;

        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    /** The release or environment a list is filtered on and ordered by. */
    private record There(String dimension, String value) {}

    /** The issue was also seen in the environment filtered on (a probe of the tallies' primary key). */
    private static String seenIn(String dimension, String issueId) {
        return "EXISTS (SELECT 1 FROM issue_tallies o WHERE o.issue_id = " + issueId + " AND o.dimension = '"
                + dimension + "' AND o.value = :" + dimension + ")";
    }

    /**
     * One page per application and walked status, each {@code page} (a query with {@link #LANE} where its lane's
     * condition goes) walking its index in the list's order, and for an unresolved list one more per application: the
     * issues whose mute has ended, still stored as muted. Those are walked in order among the mutes that end at a time
     * (V19), not among every muted issue (most mutes never end by time), checking each one's end.
     */
    private static String lanes(Optional<IssueStatus> wanted, String page, String statusOf, String mutedUntilOf) {
        String walked = "SELECT q.* FROM unnest(:apps) AS a(app) CROSS JOIN unnest(:statuses) AS s(status)"
                + " CROSS JOIN LATERAL (" + page.replace(LANE, statusOf + " = s.status") + ") q";
        if (wanted.isEmpty() || wanted.get() != IssueStatus.UNRESOLVED) {
            return walked;
        }
        String ended = statusOf + " = 'muted' AND " + mutedUntilOf + " IS NOT NULL AND " + mutedUntilOf + " <= :now";
        return walked + " UNION ALL SELECT q.* FROM unnest(:apps) AS a(app) CROSS JOIN LATERAL ("
                + page.replace(LANE, ended) + ") q";
    }

    private static String andEach(List<String> conditions) {
        return conditions.stream().map(condition -> " AND " + condition).collect(Collectors.joining());
    }

    /** The stored statuses walked in order for an issue of the wanted status (as seen at the query's moment). */
    private static String[] statusesToWalk(Optional<IssueStatus> wanted) {
        if (wanted.isEmpty()) {
            return new String[] {"unresolved", "resolved", "muted"};
        }
        return switch (wanted.get()) {
            case UNRESOLVED -> new String[] {"unresolved"};
            case RESOLVED -> new String[] {"resolved"};
            case MUTED -> new String[] {"muted"};
        };
    }

    private Optional<Issue> selectById(IssueId id, String suffix) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM issues WHERE id = :id" + suffix)
                .bind("id", id.value())
                .map(PostgresIssues::map)
                .findOne());
    }

    private static String statusCondition(IssueStatus status, String statusOf, String mutedUntilOf) {
        return switch (status) {
            case UNRESOLVED -> "(" + statusOf + " = 'unresolved' OR (" + statusOf + " = 'muted' AND " + mutedUntilOf
                    + " <= :now))";
            case RESOLVED -> statusOf + " = 'resolved'";
            case MUTED -> "(" + statusOf + " = 'muted' AND (" + mutedUntilOf + " IS NULL OR " + mutedUntilOf
                    + " > :now))";
        };
    }

    private static String sortColumn(IssueSort sort) {
        return switch (sort) {
            case LAST_SEEN -> "last_seen";
            case FIRST_SEEN -> "first_seen";
            case EVENT_COUNT -> "event_count";
        };
    }

    /** ILIKE's default escape character is the backslash. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Map<String, Object> values(Issue issue) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", issue.id().value());
        values.put("applicationId", issue.applicationId().value());
        values.put("fingerprint", issue.fingerprint().value());
        values.put("title", issue.title());
        values.put("culprit", issue.culprit());
        values.put("exceptionType", issue.exceptionType());
        values.put("level", issue.level().wireName());
        values.put("status", issue.status().wireName());
        ActiveMute mute = issue.mute().orElse(null);
        values.put("muteKind", mute == null ? null
                : mute.fold(forever -> "forever", untilTime -> "until_time", untilEventCount -> "until_event_count"));
        values.put("mutedUntil", mute == null ? null
                : mute.<Object>fold(forever -> null, untilTime -> timestamp(untilTime.until()), untilEventCount -> null));
        values.put("muteUntilEventCount", mute == null ? null
                : mute.<Object>fold(forever -> null, untilTime -> null, untilEventCount -> untilEventCount.eventCount()));
        values.put("firstSeen", timestamp(issue.firstSeen()));
        values.put("lastSeen", timestamp(issue.lastSeen()));
        values.put("eventCount", issue.eventCount());
        values.put("assigneeId", issue.assignee().map(UserId::value).orElse(null));
        values.put("resolvedAt", timestamp(issue.resolvedAt()));
        return values;
    }

    private static Issue map(ResultSet rs, StatementContext ctx) throws SQLException {
        String muteKind = rs.getString("mute_kind");
        Optional<ActiveMute> mute;
        if (muteKind == null) {
            mute = Optional.empty();
        } else if (muteKind.equals("forever")) {
            mute = Optional.of(new ActiveMute.Forever());
        } else if (muteKind.equals("until_time")) {
            mute = Optional.of(new ActiveMute.UntilTime(nullableInstant(rs, "muted_until")));
        } else {
            mute = Optional.of(new ActiveMute.UntilEventCount(rs.getLong("mute_until_event_count")));
        }
        UUID assignee = uuid(rs, "assignee_id");
        return new Issue(new IssueId(uuid(rs, "id")), new ApplicationId(uuid(rs, "application_id")),
                new Fingerprint(rs.getString("fingerprint")), rs.getString("title"), rs.getString("culprit"),
                rs.getString("exception_type"), Level.parse(rs.getString("level")),
                IssueStatus.parse(rs.getString("status")), mute, nullableInstant(rs, "first_seen"),
                nullableInstant(rs, "last_seen"), rs.getLong("event_count"),
                Optional.ofNullable(assignee).map(UserId::new), optionalInstant(rs, "resolved_at"));
    }
}
