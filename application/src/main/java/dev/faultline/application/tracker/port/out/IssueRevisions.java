package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.IssueId;
import java.time.Duration;
import java.util.Optional;
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
     * The issue's application and current revision, and whether {@code reader} is a member of that application;
     * empty when there is no such issue. One read, outside or inside a unit of work.
     */
    Optional<Revision> revision(IssueId issueId, UserId reader);

    /**
     * {@link #revision}, and for how long from now on every move of the issue's revision is certain to be announced
     * to this storage's {@link IssueChanges} subscribers (zero when the reader is not a member: nothing is
     * announced for them). A store may have to write to promise that; it does so only for a member, and promises
     * at least as long again as it did before.
     */
    Optional<Announced> announcedRevision(IssueId issueId, UserId reader);

    /**
     * The issue's current revision if {@code member} is a member of its application; empty when there is no such
     * issue or it lies outside the member's applications.
     */
    default OptionalLong visibleRevision(IssueId issueId, UserId member) {
        return revision(issueId, member).filter(Revision::readerIsMember)
                .map(revision -> OptionalLong.of(revision.number()))
                .orElseGet(OptionalLong::empty);
    }

    /** An issue's revision as one reader asked for it. */
    record Revision(ApplicationId application, long number, boolean readerIsMember) {
    }

    /** A revision, and for how long from when it was read its moves are certain to be announced. */
    record Announced(Revision revision, Duration announcedFor) {
    }
}
