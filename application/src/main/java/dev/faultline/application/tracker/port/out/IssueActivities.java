package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import java.util.List;

/**
 * Every status change of every issue, kept as long as the issue is. Written in the unit of work that changes the
 * status, so the timeline never disagrees with the issue.
 */
public interface IssueActivities {
    void add(IssueActivity activity);

    /** The issue's activity in the order it was added (oldest first), at most {@code fetch} records. */
    List<IssueActivity> listByIssue(IssueId issueId, int fetch);
}
