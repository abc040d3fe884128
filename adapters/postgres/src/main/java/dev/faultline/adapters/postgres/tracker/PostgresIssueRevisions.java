package dev.faultline.adapters.postgres.tracker;

import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.IssueId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code issues.revision}, which the triggers of migration V17 move on (see there for what moves it), read together
 * with the issue's application and the membership that makes it visible: one statement, two primary-key look-ups.
 * A revision's moves are announced while the issue's row in {@code issue_announcements} lies ahead (V22). A member's
 * question renews it to {@link #ANNOUNCE_FOR} from now once less than {@link #RENEW_BELOW} is left, by one more
 * statement that locks the issue's row {@code FOR SHARE} (waiting for any writer holding it) and reads the revision
 * under that lock; an announcement is only ever moved later.
 */
public final class PostgresIssueRevisions implements IssueRevisions {
    static final Duration ANNOUNCE_FOR = Duration.ofMinutes(10);
    static final Duration RENEW_BELOW = Duration.ofMinutes(5);
    private static final String REVISION = """
            SELECT i.application_id, i.revision, m.user_id IS NOT NULL AS member,
                   CASE WHEN m.user_id IS NOT NULL THEN EXTRACT(EPOCH FROM a.until - clock_timestamp()) END
                       AS announced_for
            FROM issues i
            LEFT JOIN memberships m ON m.application_id = i.application_id AND m.user_id = :reader
            LEFT JOIN issue_announcements a ON a.issue_id = i.id
            WHERE i.id = :issue
            """;
    private static final String ANNOUNCE = """
            WITH locked AS (
                SELECT i.id, i.application_id, i.revision FROM issues i
                WHERE i.id = :issue AND EXISTS (SELECT 1 FROM memberships m
                                                WHERE m.application_id = i.application_id AND m.user_id = :reader)
                FOR SHARE OF i
            ), announced AS (
                INSERT INTO issue_announcements (issue_id, until)
                SELECT id, clock_timestamp() + make_interval(secs => %d) FROM locked
                ON CONFLICT (issue_id) DO UPDATE SET until = GREATEST(issue_announcements.until, EXCLUDED.until)
                RETURNING until
            )
            SELECT l.application_id, l.revision, true AS member,
                   EXTRACT(EPOCH FROM a.until - clock_timestamp()) AS announced_for
            FROM locked l CROSS JOIN announced a
            """.formatted(ANNOUNCE_FOR.toSeconds());

    private final Jdbi jdbi;

    public PostgresIssueRevisions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Revision> revision(IssueId issueId, UserId reader) {
        return read(REVISION, issueId, reader).map(Announced::revision);
    }

    @Override
    public Optional<Announced> announcedRevision(IssueId issueId, UserId reader) {
        Optional<Announced> read = read(REVISION, issueId, reader);
        if (read.isEmpty() || !read.get().revision().readerIsMember()
                || read.get().announcedFor().compareTo(RENEW_BELOW) >= 0) {
            return read;
        }
        return read(ANNOUNCE, issueId, reader).or(() -> read(REVISION, issueId, reader));
    }

    private Optional<Announced> read(String sql, IssueId issueId, UserId reader) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("issue", issueId.value())
                .bind("reader", reader.value())
                .map((rs, ctx) -> announced(rs)) // not mapTo(...): its mapper look-up was a fifth of this call
                .findOne());
    }

    private static Announced announced(ResultSet rs) throws SQLException {
        double seconds = rs.getDouble(4);
        Duration announcedFor = rs.wasNull() || seconds <= 0 ? Duration.ZERO : Duration.ofNanos((long) (seconds * 1e9));
        return new Announced(new Revision(new ApplicationId(rs.getObject(1, UUID.class)), rs.getLong(2),
                rs.getBoolean(3)), announcedFor);
    }
}
