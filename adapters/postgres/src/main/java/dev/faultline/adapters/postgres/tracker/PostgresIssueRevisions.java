package dev.faultline.adapters.postgres.tracker;

import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.IssueId;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code issues.revision}, which the triggers of migration V17 move on (see there for what moves it), read together
 * with the issue's application and the membership that makes it visible: one statement, two primary-key look-ups.
 */
public final class PostgresIssueRevisions implements IssueRevisions {
    private static final String REVISION = """
            SELECT i.application_id, i.revision, m.user_id IS NOT NULL AS member FROM issues i
            LEFT JOIN memberships m ON m.application_id = i.application_id AND m.user_id = :reader
            WHERE i.id = :issue
            """;

    private final Jdbi jdbi;

    public PostgresIssueRevisions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Revision> revision(IssueId issueId, UserId reader) {
        return jdbi.withHandle(handle -> handle.createQuery(REVISION)
                .bind("issue", issueId.value())
                .bind("reader", reader.value())
                .map((rs, ctx) -> new Revision(new ApplicationId(rs.getObject(1, UUID.class)), rs.getLong(2),
                        rs.getBoolean(3)))
                .findOne());
    }
}
