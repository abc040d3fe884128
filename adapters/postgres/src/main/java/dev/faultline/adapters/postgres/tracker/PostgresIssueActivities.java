package dev.faultline.adapters.postgres.tracker;

import static dev.faultline.adapters.postgres.Rows.instant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ActivityActor;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Activity in {@code issue_activity}; the identity column keeps the order records were added in. */
public final class PostgresIssueActivities implements IssueActivities {
    private final Jdbi jdbi;
    private final PostgresIssueChanges changes;

    public PostgresIssueActivities(Jdbi jdbi) {
        this(jdbi, PostgresIssueChanges.silent());
    }

    /** Repositories whose writes are told to {@code changes}' subscribers once committed. */
    public PostgresIssueActivities(Jdbi jdbi, PostgresIssueChanges changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    @Override
    public void add(IssueActivity activity) {
        jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO issue_activity (issue_id, kind, actor_kind, actor_user_id, occurred_at, "
                            + "event_id) VALUES (:issueId, :kind, :actorKind, :actorUserId, :at, :eventId)")
                    .bind("issueId", activity.issueId().value())
                    .bind("kind", activity.kind().wireName())
                    .bind("actorKind", actorKind(activity.actor()))
                    .bind("actorUserId", activity.actor().<UUID>fold(person -> person.user().value(), ingest -> null,
                            system -> null))
                    .bind("at", timestamp(activity.at()))
                    .bind("eventId", activity.eventId().map(EventId::value).orElse(null))
                    .execute();
            changes.changedHere(handle, activity.issueId());
        });
    }

    @Override
    public List<IssueActivity> listByIssue(IssueId issueId, int fetch) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT issue_id, kind, actor_kind, actor_user_id, "
                        + "occurred_at, event_id FROM issue_activity WHERE issue_id = :issueId ORDER BY id LIMIT :fetch")
                .bind("issueId", issueId.value())
                .bind("fetch", fetch)
                .map(PostgresIssueActivities::map)
                .list());
    }

    private static String actorKind(ActivityActor actor) {
        return actor.fold(person -> "user", ingest -> "ingest", system -> "system");
    }

    private static IssueActivity map(ResultSet rs, StatementContext ctx) throws SQLException {
        ActivityActor actor = switch (rs.getString("actor_kind")) {
            case "user" -> new ActivityActor.Person(new UserId(uuid(rs, "actor_user_id")));
            case "ingest" -> new ActivityActor.Ingest();
            default -> new ActivityActor.System();
        };
        UUID event = uuid(rs, "event_id");
        return new IssueActivity(new IssueId(uuid(rs, "issue_id")), IssueActivity.Kind.parse(rs.getString("kind")),
                actor, instant(rs, "occurred_at"), Optional.ofNullable(event).map(EventId::new));
    }
}
