package dev.faultline.adapters.postgres.tracker;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.StackFrame;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Events in {@code events}, their stack frames in {@code event_frames} (kept in order by position) and tags in
 * {@code event_tags}. An event and its rows are written in one transaction (joining the caller's); a page of
 * events is read with three queries, not one per event.
 */
public final class PostgresEvents implements Events {
    private static final String COLUMNS = "id, issue_id, occurred_at, message, exception_type, level, environment, "
            + "release, user_ref, user_email, user_ip";
    /**
     * An event's frames and its tags are each written with one statement over arrays, not a batch of one statement per
     * row: PostgreSQL's statement overhead per frame (an SDK event carries 20 or more) was the largest part of its CPU
     * per ingested event (pg_stat_statements: 29 µs per row of a batch).
     */
    private static final String INSERT_FRAMES = "INSERT INTO event_frames "
            + "(event_id, position, file_name, function_name, line, in_app) "
            + "SELECT :eventId, f.ordinality - 1, f.file_name, f.function_name, f.line, f.in_app "
            + "FROM unnest(:files, :functions, :lines, :inApps) WITH ORDINALITY "
            + "AS f(file_name, function_name, line, in_app, ordinality)";
    private static final String INSERT_TAGS = "INSERT INTO event_tags (event_id, key, value) "
            + "SELECT :eventId, t.key, t.value FROM unnest(:keys, :values) AS t(key, value)";
    private final Jdbi jdbi;

    public PostgresEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Event event) {
        jdbi.useTransaction(handle -> {
            Optional<AffectedUser> user = event.user();
            handle.createUpdate("INSERT INTO events (" + COLUMNS + ") VALUES (:id, :issueId, :occurredAt, :message, "
                            + ":exceptionType, :level, :environment, :release, :userRef, :userEmail, :userIp)")
                    .bind("id", event.id().value())
                    .bind("issueId", event.issueId().value())
                    .bind("occurredAt", timestamp(event.occurredAt()))
                    .bind("message", event.message())
                    .bind("exceptionType", event.exceptionType())
                    .bind("level", event.level().wireName())
                    .bind("environment", event.environment().orElse(null))
                    .bind("release", event.release().orElse(null))
                    .bind("userRef", user.flatMap(AffectedUser::id).orElse(null))
                    .bind("userEmail", user.flatMap(AffectedUser::email).orElse(null))
                    .bind("userIp", user.flatMap(AffectedUser::ipAddress).orElse(null))
                    .execute();
            if (!event.frames().isEmpty()) {
                List<StackFrame> frames = event.frames();
                handle.createUpdate(INSERT_FRAMES)
                        .bind("eventId", event.id().value())
                        .bind("files", frames.stream().map(StackFrame::file).toArray(String[]::new))
                        .bind("functions", frames.stream().map(StackFrame::function).toArray(String[]::new))
                        .bind("lines", frames.stream().map(StackFrame::line).toArray(Integer[]::new))
                        .bind("inApps", frames.stream().map(StackFrame::inApp).toArray(Boolean[]::new))
                        .execute();
            }
            if (!event.tags().isEmpty()) {
                List<String> keys = new ArrayList<>();
                List<String> values = new ArrayList<>();
                event.tags().forEach((key, value) -> {
                    keys.add(key);
                    values.add(value);
                });
                handle.createUpdate(INSERT_TAGS)
                        .bind("eventId", event.id().value())
                        .bind("keys", keys.toArray(String[]::new))
                        .bind("values", values.toArray(String[]::new))
                        .execute();
            }
        });
    }

    @Override
    public Optional<Event> findById(EventId id) {
        return jdbi.withHandle(handle -> assemble(handle, handle.createQuery(
                        "SELECT " + COLUMNS + " FROM events WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> Row.of(rs))
                .list())).stream().findFirst();
    }

    @Override
    public List<Event> listByIssue(IssueId issueId, Optional<Position> after, int fetch) {
        String keyset = after.isPresent() ? " AND (occurred_at, id) < (:afterAt, :afterId)" : "";
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery("SELECT " + COLUMNS + " FROM events WHERE issue_id = :issueId" + keyset
                            + " ORDER BY occurred_at DESC, id DESC LIMIT :fetch")
                    .bind("issueId", issueId.value())
                    .bind("fetch", fetch);
            after.ifPresent(p -> query.bind("afterAt", timestamp(p.occurredAt())).bind("afterId", p.id().value()));
            return assemble(handle, query.map((rs, ctx) -> Row.of(rs)).list());
        });
    }

    /**
     * Two statements: the newest rows (their ids are all the answer needs of them but the first), then the first
     * one's frames and tags together.
     */
    @Override
    public Recent recentOfIssue(IssueId issueId, int count) {
        return jdbi.withHandle(handle -> {
            List<Row> rows = handle.createQuery("SELECT " + COLUMNS + " FROM events WHERE issue_id = :issueId"
                            + " ORDER BY occurred_at DESC, id DESC LIMIT :fetch")
                    .bind("issueId", issueId.value())
                    .bind("fetch", count)
                    .map((rs, ctx) -> Row.of(rs))
                    .list();
            if (rows.isEmpty()) {
                return new Recent(Optional.empty(), List.of());
            }
            return new Recent(Optional.of(framesAndTags(handle, rows.get(0))),
                    rows.stream().map(row -> new EventId(row.id())).toList());
        });
    }

    /** One event's frames (in position order) and tags, read in one statement. */
    private static Event framesAndTags(Handle handle, Row row) {
        List<StackFrame> frames = new ArrayList<>();
        TreeMap<String, String> tags = new TreeMap<>();
        handle.createQuery("SELECT 0 AS part, position, file_name, function_name, line, in_app, NULL AS key, "
                        + "NULL AS value FROM event_frames WHERE event_id = :id "
                        + "UNION ALL SELECT 1, 0, NULL, NULL, 0, false, key, value FROM event_tags WHERE event_id = :id "
                        + "ORDER BY part, position")
                .bind("id", row.id())
                .map((rs, ctx) -> {
                    if (rs.getInt("part") == 0) {
                        frames.add(new StackFrame(rs.getString("file_name"), rs.getString("function_name"),
                                rs.getInt("line"), rs.getBoolean("in_app")));
                    } else {
                        tags.put(rs.getString("key"), rs.getString("value"));
                    }
                    return null;
                })
                .list();
        return row.toEvent(frames, tags);
    }

    /** Adds the frames and tags of the given event rows, keeping the rows' order. */
    private static List<Event> assemble(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        Map<UUID, List<StackFrame>> frames = new HashMap<>();
        handle.createQuery("SELECT event_id, file_name, function_name, line, in_app FROM event_frames "
                        + "WHERE event_id = ANY(:ids) ORDER BY event_id, position")
                .bind("ids", ids)
                .map((rs, ctx) -> {
                    frames.computeIfAbsent(uuid(rs, "event_id"), k -> new ArrayList<>()).add(new StackFrame(
                            rs.getString("file_name"), rs.getString("function_name"), rs.getInt("line"),
                            rs.getBoolean("in_app")));
                    return null;
                })
                .list();
        Map<UUID, TreeMap<String, String>> tags = new HashMap<>();
        handle.createQuery("SELECT event_id, key, value FROM event_tags WHERE event_id = ANY(:ids)")
                .bind("ids", ids)
                .map((rs, ctx) -> {
                    tags.computeIfAbsent(uuid(rs, "event_id"), k -> new TreeMap<>())
                            .put(rs.getString("key"), rs.getString("value"));
                    return null;
                })
                .list();
        return rows.stream().map(row -> row.toEvent(frames.getOrDefault(row.id(), List.of()),
                tags.getOrDefault(row.id(), new TreeMap<>()))).toList();
    }

    private record Row(UUID id, UUID issueId, Instant occurredAt, String message, String exceptionType, String level,
            String environment, String release, String userRef, String userEmail, String userIp) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(uuid(rs, "id"), uuid(rs, "issue_id"), nullableInstant(rs, "occurred_at"), rs.getString("message"),
                    rs.getString("exception_type"), rs.getString("level"), rs.getString("environment"),
                    rs.getString("release"), rs.getString("user_ref"), rs.getString("user_email"),
                    rs.getString("user_ip"));
        }

        Event toEvent(List<StackFrame> frames, TreeMap<String, String> tags) {
            Optional<AffectedUser> user = userRef == null && userEmail == null && userIp == null
                    ? Optional.empty()
                    : Optional.of(new AffectedUser(Optional.ofNullable(userRef), Optional.ofNullable(userEmail),
                            Optional.ofNullable(userIp)));
            return new Event(new EventId(id), new IssueId(issueId), occurredAt, message, exceptionType,
                    Level.parse(level), frames, Optional.ofNullable(environment), Optional.ofNullable(release), tags,
                    user);
        }
    }
}
