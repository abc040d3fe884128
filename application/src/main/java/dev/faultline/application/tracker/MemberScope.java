package dev.faultline.application.tracker;

import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import java.util.Optional;

/**
 * The one place that decides what an actor may see: applications they are a member of, and everything in
 * them. What lies outside is returned as absent, exactly like what does not exist.
 */
public final class MemberScope {
    private final Memberships memberships;
    private final Issues issues;

    public MemberScope(Memberships memberships, Issues issues) {
        this.memberships = memberships;
        this.issues = issues;
    }

    boolean canSee(UserId actor, ApplicationId applicationId) {
        return memberships.find(applicationId, actor).isPresent();
    }

    public Optional<Issue> visibleIssue(UserId actor, IssueId issueId) {
        return issues.findById(issueId).filter(issue -> canSee(actor, issue.applicationId()));
    }

    /** Like {@link #visibleIssue}, holding the issue for an update; call inside a unit of work. */
    Optional<Issue> lockedVisibleIssue(UserId actor, IssueId issueId) {
        return issues.lockById(issueId).filter(issue -> canSee(actor, issue.applicationId()));
    }
}
