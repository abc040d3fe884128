package dev.faultline.adapters.postgres.tracker;

import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code issues.revision}, which the triggers of migration V17 move on (see there for what moves it), read together
 * with the membership that makes it visible: one statement, two primary-key look-ups.
 */
public final class PostgresIssueRevisions implements IssueRevisions {
    private static final String VISIBLE_REVISION = """
            SELECT i.revision FROM issues i
            JOIN memberships m ON m.application_id = i.application_id AND m.user_id = :member
            WHERE i.id = :issue
            """;

    private final Jdbi jdbi;

    public PostgresIssueRevisions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public OptionalLong visibleRevision(IssueId issueId, UserId member) {
        return jdbi.withHandle(handle -> handle.createQuery(VISIBLE_REVISION)
                .bind("issue", issueId.value())
                .bind("member", member.value())
                .map((rs, ctx) -> rs.getLong(1)) // not mapTo(Long.class): its mapper look-up was a fifth of this call
                .findOne())
                .map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }
}
