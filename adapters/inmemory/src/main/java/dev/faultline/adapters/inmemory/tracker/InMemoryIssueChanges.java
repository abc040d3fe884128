package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.domain.tracker.IssueId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the writes of what each issue shows; the repositories holding it call {@link #changed} after each write.
 * A count is not put back when a unit of work fails: a revision that moved without a change costs a reader one
 * more read, while a change that kept its revision would be shown stale.
 */
public final class InMemoryIssueChanges {
    private final Map<IssueId, Long> counted = new ConcurrentHashMap<>();

    public void changed(IssueId issueId) {
        counted.merge(issueId, 1L, Long::sum);
    }

    long count(IssueId issueId) {
        return counted.getOrDefault(issueId, 0L);
    }
}
