package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.time.Duration;
import java.util.Optional;

/** Revisions as {@link InMemoryIssueChanges} counts them, visible to the members of the issue's application. */
public final class InMemoryIssueRevisions implements IssueRevisions {
    /** {@link InMemoryIssueChanges} tells every change, so every revision is announced for good (here: a year). */
    private static final Duration FOREVER = Duration.ofDays(365);
    private final Issues issues;
    private final Memberships memberships;
    private final InMemoryIssueChanges changes;

    public InMemoryIssueRevisions(Issues issues, Memberships memberships, InMemoryIssueChanges changes) {
        this.issues = issues;
        this.memberships = memberships;
        this.changes = changes;
    }

    @Override
    public Optional<Announced> announcedRevision(IssueId issueId, UserId reader) {
        return revision(issueId, reader).map(revision -> new Announced(revision,
                revision.readerIsMember() ? FOREVER : Duration.ZERO));
    }

    @Override
    public Optional<Revision> revision(IssueId issueId, UserId reader) {
        return issues.findById(issueId).map(issue -> new Revision(issue.applicationId(), changes.count(issueId),
                memberships.find(issue.applicationId(), reader).isPresent()));
    }
}
