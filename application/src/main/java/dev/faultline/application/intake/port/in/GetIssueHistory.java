package dev.faultline.application.intake.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an issue's events have in common and how it went, for a member of its application: why its events are one
 * issue (the grouping version and canonical text), the releases and environments it was seen in, its events per
 * UTC day for the last {@value #DAYS} days ending today, and its activity (who or what changed its status, when).
 * An issue outside the actor's applications is not found, exactly like one that does not exist.
 */
public interface GetIssueHistory {
    Permission REQUIRES = Permission.READ;
    /** Days in the daily count, today (UTC, by the clock) the last. */
    int DAYS = 14;
    /** Releases and environments listed, the most recently seen first. */
    int MAX_TALLIES = 50;
    /** Activity records listed, oldest first. */
    int MAX_ACTIVITY = 100;

    Outcome getIssueHistory(Command command);

    record Command(Actor actor, IssueId issueId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
        }
    }

    /** Why the issue's events are one issue: the grouping policy's version and the canonical text it compared. */
    record Explanation(int version, String canonicalText) {
        public Explanation {
            Objects.requireNonNull(canonicalText, "canonicalText");
        }
    }

    /** A release or environment the issue was seen in. */
    record Tally(String value, Instant firstSeen, Instant lastSeen, long eventCount) {
        public Tally {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(firstSeen, "firstSeen");
            Objects.requireNonNull(lastSeen, "lastSeen");
        }
    }

    /** Events on one UTC day (by when they happened). */
    record DailyCount(LocalDate day, long eventCount) {
        public DailyCount {
            Objects.requireNonNull(day, "day");
        }
    }

    /** One status change and, when a person made it, their display name (absent if they no longer exist). */
    record ActivityEntry(IssueActivity activity, Optional<String> personName) {
        public ActivityEntry {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(personName, "personName");
        }
    }

    /**
     * @param grouping          absent for issues not opened by an SDK's report (demo data)
     * @param releases          at most {@link #MAX_TALLIES}, most recently seen first; {@code releaseCount} is all
     * @param environments      at most {@link #MAX_TALLIES}, most recently seen first
     * @param daily             exactly {@link #DAYS} days, oldest first, days without events counted 0
     * @param activity          the first {@link #MAX_ACTIVITY} records, oldest first
     * @param activityTruncated more records exist than are listed
     */
    record IssueHistory(IssueId issueId, Optional<Explanation> grouping, List<Tally> releases, int releaseCount,
            List<Tally> environments, int environmentCount, List<DailyCount> daily, List<ActivityEntry> activity,
            boolean activityTruncated) {
        public IssueHistory {
            Objects.requireNonNull(issueId, "issueId");
            Objects.requireNonNull(grouping, "grouping");
            releases = List.copyOf(releases);
            environments = List.copyOf(environments);
            daily = List.copyOf(daily);
            activity = List.copyOf(activity);
        }

        public LocalDate today() {
            return daily.get(daily.size() - 1).day();
        }
    }

    sealed interface Outcome {
        <R> R fold(Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound);

        /** The actor lacks {@code required}; nothing was looked at. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return notPermitted.apply(this);
            }
        }

        record Found(IssueHistory history) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return found.apply(this);
            }
        }

        record NotFound(IssueId issueId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Found, R> found, Function<NotFound, R> notFound) {
                return notFound.apply(this);
            }
        }
    }
}
