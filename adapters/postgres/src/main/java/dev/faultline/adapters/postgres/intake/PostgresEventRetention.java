package dev.faultline.adapters.postgres.intake;

import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.adapters.postgres.tracker.PostgresIssueChanges;
import dev.faultline.application.intake.port.out.EventRetention;
import dev.faultline.domain.intake.RetentionLimits;
import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The retention rule of {@link EventRetention} as one statement per batch. Protected events are found with the
 * per-issue index ({@code events_by_issue}: first and latest by occurred-at, then id) and the activity's event
 * index; the cap ranks each application's unprotected events oldest first and deletes those within its excess.
 * Documents go with their events ({@code ON DELETE CASCADE}). UUIDs compare unsigned here, as in the model.
 */
public final class PostgresEventRetention implements EventRetention {
    private static final String DELETE = """
            WITH app_events AS (
                SELECT e.id, e.issue_id, e.occurred_at, i.application_id
                FROM events e JOIN issues i ON i.id = e.issue_id
            ),
            totals AS (
                SELECT application_id, count(*) AS total FROM app_events GROUP BY application_id
            ),
            unprotected AS (
                SELECT a.id, a.application_id, a.occurred_at,
                       row_number() OVER (PARTITION BY a.application_id ORDER BY a.occurred_at, a.id) AS age_rank
                FROM app_events a
                WHERE NOT EXISTS (SELECT 1 FROM issue_activity t WHERE t.event_id = a.id)
                  AND EXISTS (SELECT 1 FROM events older WHERE older.issue_id = a.issue_id
                              AND (older.occurred_at, older.id) < (a.occurred_at, a.id))
                  AND EXISTS (SELECT 1 FROM events newer WHERE newer.issue_id = a.issue_id
                              AND (newer.occurred_at, newer.id) > (a.occurred_at, a.id))
            ),
            doomed AS (
                SELECT u.id FROM unprotected u JOIN totals t ON t.application_id = u.application_id
                WHERE u.occurred_at < :cutoff OR u.age_rank <= t.total - :maxEvents
                ORDER BY u.occurred_at, u.id
                LIMIT :limit
            )
            DELETE FROM events WHERE id IN (SELECT id FROM doomed)
            RETURNING issue_id
            """;

    private final Jdbi jdbi;
    private final PostgresIssueChanges changes;

    public PostgresEventRetention(Jdbi jdbi) {
        this(jdbi, PostgresIssueChanges.silent());
    }

    /** Retention whose deletions are told to {@code changes}' subscribers (the issues that lost events). */
    public PostgresEventRetention(Jdbi jdbi, PostgresIssueChanges changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    @Override
    public int deleteExpendable(RetentionLimits limits, Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return jdbi.withHandle(handle -> {
            List<UUID> issues = handle.createQuery(DELETE)
                    .bind("cutoff", timestamp(now.minus(limits.maxAge())))
                    .bind("maxEvents", (long) limits.maxEventsPerApplication())
                    .bind("limit", limit)
                    .mapTo(UUID.class)
                    .list();
            changes.changedHere(handle, issues.stream().distinct().map(IssueId::new).toList());
            return issues.size();
        });
    }
}
