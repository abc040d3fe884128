package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import java.util.List;
import java.util.Optional;

/** Issues: events of one application grouped by fingerprint. */
public interface Issues {
    /** Stores a new issue unless its application already has one with that fingerprint; atomic. */
    Insertion add(Issue issue);

    Optional<Issue> findById(IssueId id);

    /** Reads the issue and holds it against concurrent writers until the unit of work ends. */
    Optional<Issue> lockById(IssueId id);

    /** Like {@link #lockById}, looked up by the application's fingerprint. */
    Optional<Issue> lockByFingerprint(ApplicationId applicationId, Fingerprint fingerprint);

    /**
     * Stores the issue's changed state (status, mute, level, seen times, count, assignee). The id, application
     * and fingerprint never change. Unknown ids are ignored.
     */
    void update(Issue issue);

    /** The issues matching {@code query} in its sort order, starting strictly after its position. */
    List<Issue> list(IssueQuery query);

    enum Insertion {
        ADDED,
        FINGERPRINT_TAKEN
    }
}
