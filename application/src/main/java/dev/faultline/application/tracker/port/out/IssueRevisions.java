package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.util.OptionalLong;

/**
 * Issue revisions: per issue, a number that changes whenever anything shown of the issue in full changes (its own
 * state with its counts, tallies and daily counts, its notes, its activity, and its events, added or removed), so
 * that equal revisions of one issue mean an equal issue to show. Revisions of different issues mean nothing to each
 * other. What is written once and never changed (an event's frames, tags and document, the grouping, the names of
 * applications and people) does not move it.
 */
public interface IssueRevisions {
    /**
     * The issue's current revision if {@code member} is a member of its application; empty when there is no such
     * issue or it lies outside the member's applications. One read, outside or inside a unit of work.
     */
    OptionalLong visibleRevision(IssueId issueId, UserId member);
}
