package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueSort;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Level;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The issues matching {@code query} in its sort order, starting strictly after its position. With a release
     * or an environment in the query, what was seen of each issue there (the release when both are given) orders
     * the list, bounds its last seen and is returned beside it.
     */
    List<Listed> list(Query query);

    /**
     * A listed issue and, under a release or environment filter, its tally there.
     *
     * @param there the issue's count, first and last seen in the filter's release (or environment)
     */
    record Listed(Issue issue, Optional<IssueTallies.Tally> there) {
        public Listed {
            Objects.requireNonNull(issue, "issue");
            Objects.requireNonNull(there, "there");
        }

        public Listed(Issue issue) {
            this(issue, Optional.empty());
        }

        /** The key the list is ordered by: the tally's under a release or environment filter, else the issue's. */
        public long keyOf(IssueSort sort) {
            return there.map(t -> sort.keyOf(t.firstSeen(), t.lastSeen(), t.eventCount()))
                    .orElseGet(() -> sort.keyOf(issue));
        }
    }

    enum Insertion {
        ADDED,
        FINGERPRINT_TAKEN
    }

    /**
     * Which issues to list, in which order, from where.
     *
     * @param applications only issues of these applications (never empty: the caller's scope)
     * @param status       the status as seen at {@code now}: an until-time mute that has lapsed counts as unresolved
     * @param text         case-insensitive substring of title, culprit or exception type (taken literally: no
     *                     wildcards)
     * @param lastSeenFrom inclusive lower bound on last seen (in the release or environment filtered on, if any)
     * @param lastSeenUntil exclusive upper bound on last seen (likewise)
     * @param after        the exclusive keyset position to continue from
     * @param fetch        at most this many issues
     * @param now          the moment the statuses are judged at
     * @param seen         where and how the issue was seen (release, environment, level, opened or regressed since)
     */
    record Query(
            Set<ApplicationId> applications,
            Optional<IssueStatus> status,
            Optional<String> text,
            Optional<Instant> lastSeenFrom,
            Optional<Instant> lastSeenUntil,
            IssueSort sort,
            Optional<Position> after,
            int fetch,
            Instant now,
            Seen seen) {

        /** A query without the where-and-how-seen filters. */
        public Query(Set<ApplicationId> applications, Optional<IssueStatus> status, Optional<String> text,
                Optional<Instant> lastSeenFrom, Optional<Instant> lastSeenUntil, IssueSort sort,
                Optional<Position> after, int fetch, Instant now) {
            this(applications, status, text, lastSeenFrom, lastSeenUntil, sort, after, fetch, now, Seen.ANY);
        }

        public Query {
            applications = Set.copyOf(applications);
            if (applications.isEmpty()) {
                throw new IllegalArgumentException("an issue query is scoped to at least one application");
            }
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(lastSeenFrom, "lastSeenFrom");
            Objects.requireNonNull(lastSeenUntil, "lastSeenUntil");
            Objects.requireNonNull(sort, "sort");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(seen, "seen");
            if (fetch < 1) {
                throw new IllegalArgumentException("fetch at least one issue");
            }
        }

        /**
         * Filters on where and how an issue was seen, all optional, combined with AND.
         *
         * @param release                only issues with at least one event of this release (exact match); the
         *                               list is ordered by what was seen in it
         * @param environment            only issues with at least one event in this environment (exact match);
         *                               without a release, the list is ordered by what was seen in it
         * @param level                  only issues of this level (the level of their latest event)
         * @param openedOrRegressedSince only issues first seen at or after this instant, or whose activity records
         *                               an opening or a regression at or after it
         */
        public record Seen(Optional<String> release, Optional<String> environment, Optional<Level> level,
                Optional<Instant> openedOrRegressedSince) {
            public static final Seen ANY = new Seen(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());

            public Seen {
                Objects.requireNonNull(release, "release");
                Objects.requireNonNull(environment, "environment");
                Objects.requireNonNull(level, "level");
                Objects.requireNonNull(openedOrRegressedSince, "openedOrRegressedSince");
            }
        }

        /** A keyset position: the sort key ({@link IssueSort#keyOf}) and id of the last issue already seen. */
        public record Position(long key, IssueId id) {
            public Position {
                Objects.requireNonNull(id, "id");
            }
        }
    }
}

