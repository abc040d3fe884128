package dev.faultline.adapters.postgres.intake;

import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.domain.intake.Grouping;
import dev.faultline.domain.tracker.IssueId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Grouping explanations in {@code issue_groupings}; the first one an issue gets stays. */
public final class PostgresIssueGroupings implements IssueGroupings {
    private final Jdbi jdbi;

    public PostgresIssueGroupings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(IssueId issueId, Grouping grouping) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO issue_groupings (issue_id, version, canonical_text) "
                        + "VALUES (:issueId, :version, :text) ON CONFLICT (issue_id) DO NOTHING")
                .bind("issueId", issueId.value())
                .bind("version", grouping.version())
                .bind("text", grouping.explanation())
                .execute());
    }

    @Override
    public Optional<Explanation> find(IssueId issueId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT version, canonical_text "
                        + "FROM issue_groupings WHERE issue_id = :issueId")
                .bind("issueId", issueId.value())
                .map((rs, ctx) -> new Explanation(rs.getInt("version"), rs.getString("canonical_text")))
                .findOne());
    }
}
