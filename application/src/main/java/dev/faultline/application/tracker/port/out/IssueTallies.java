package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-issue counts beside the issue's own counter: per release and per environment (count, first and last seen),
 * and per day (UTC, by when the event happened) for the recent-activity chart. Counts what happened: retention
 * deleting events never lowers them. Callers count inside the unit of work that holds the issue's lock.
 */
public interface IssueTallies {
    void count(IssueId issueId, Optional<String> release, Optional<String> environment, Instant occurredAt);

    /** The releases the issue was seen in, most recently seen first (ties by release, ascending). */
    List<Tally> releases(IssueId issueId);

    /** The environments the issue was seen in, most recently seen first (ties by name, ascending). */
    List<Tally> environments(IssueId issueId);

    /** Days from {@code from} to {@code until} (both inclusive) with at least one event, oldest first. */
    List<DailyCount> dailyCounts(IssueId issueId, LocalDate from, LocalDate until);

    /**
     * {@link #releases}, {@link #environments} and {@link #dailyCounts} of one issue together, in the same orders,
     * read at once (get_issue shows all three).
     */
    Seen seen(IssueId issueId, LocalDate from, LocalDate until);

    record Seen(List<Tally> releases, List<Tally> environments, List<DailyCount> days) {
        public Seen {
            releases = List.copyOf(releases);
            environments = List.copyOf(environments);
            days = List.copyOf(days);
        }
    }

    record Tally(String value, Instant firstSeen, Instant lastSeen, long eventCount) {
        public Tally {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(firstSeen, "firstSeen");
            Objects.requireNonNull(lastSeen, "lastSeen");
        }
    }

    record DailyCount(LocalDate day, long eventCount) {
        public DailyCount {
            Objects.requireNonNull(day, "day");
        }
    }
}
