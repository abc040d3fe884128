package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.util.OptionalLong;

/** Revisions as {@link InMemoryIssueChanges} counts them, visible to the members of the issue's application. */
public final class InMemoryIssueRevisions implements IssueRevisions {
    private final Issues issues;
    private final Memberships memberships;
    private final InMemoryIssueChanges changes;

    public InMemoryIssueRevisions(Issues issues, Memberships memberships, InMemoryIssueChanges changes) {
        this.issues = issues;
        this.memberships = memberships;
        this.changes = changes;
    }

    @Override
    public OptionalLong visibleRevision(IssueId issueId, UserId member) {
        return issues.findById(issueId)
                .filter(issue -> memberships.find(issue.applicationId(), member).isPresent())
                .map(issue -> OptionalLong.of(changes.count(issueId)))
                .orElseGet(OptionalLong::empty);
    }
}
