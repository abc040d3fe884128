package dev.faultline.application.intake.port.out;

import dev.faultline.domain.intake.Grouping;
import dev.faultline.domain.tracker.IssueId;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an issue's events are one issue: the grouping version and canonical text (its {@link Grouping#explanation})
 * that opened it. Written once, when the issue opens; an issue opened by a crash report without a grouping policy
 * (demo data) has none.
 */
public interface IssueGroupings {
    /** Keeps the grouping of a newly opened issue; an issue keeps the first grouping it was given. */
    void add(IssueId issueId, Grouping grouping);

    Optional<Explanation> find(IssueId issueId);

    record Explanation(int version, String canonicalText) {
        public Explanation {
            Objects.requireNonNull(canonicalText, "canonicalText");
        }
    }
}
