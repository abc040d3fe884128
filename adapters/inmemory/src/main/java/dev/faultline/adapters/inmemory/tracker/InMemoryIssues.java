package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueSort;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Issues in a map. {@code lock...} are plain reads: a unit of work keeps this repository's {@link TableLock}
 * until it ends, so nothing else reads or writes an issue while a unit of work holds it.
 */
public final class InMemoryIssues implements Issues {
    private final Map<IssueId, Issue> byId = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId));
    private final IssueTallies tallies;
    private final IssueActivities activities;
    private final InMemoryIssueChanges changes;

    /** Issues whose where-and-how-seen filters find nothing beyond the issues' own fields. */
    public InMemoryIssues() {
        this(new InMemoryIssueTallies(), new InMemoryIssueActivities());
    }

    /** Issues whose release, environment and opened-or-regressed filters read these tallies and activities. */
    public InMemoryIssues(IssueTallies tallies, IssueActivities activities) {
        this(tallies, activities, new InMemoryIssueChanges());
    }

    /** Like {@link #InMemoryIssues(IssueTallies, IssueActivities)}, counting each update in {@code changes}. */
    public InMemoryIssues(IssueTallies tallies, IssueActivities activities, InMemoryIssueChanges changes) {
        this.tallies = tallies;
        this.activities = activities;
        this.changes = changes;
    }

    @Override
    public Insertion add(Issue issue) {
        return table.write(() -> {
            boolean taken = byId.containsKey(issue.id()) || findByFingerprint(issue.applicationId(), issue.fingerprint())
                    .isPresent();
            if (taken) {
                return Insertion.FINGERPRINT_TAKEN;
            }
            byId.put(issue.id(), issue);
            return Insertion.ADDED;
        });
    }

    @Override
    public Optional<Issue> findById(IssueId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<Issue> lockById(IssueId id) {
        return findById(id);
    }

    @Override
    public Optional<Issue> lockByFingerprint(ApplicationId applicationId, Fingerprint fingerprint) {
        return table.read(() -> findByFingerprint(applicationId, fingerprint));
    }

    @Override
    public void update(Issue issue) {
        table.write(() -> {
            byId.computeIfPresent(issue.id(), (id, stored) -> new Issue(stored.id(), stored.applicationId(),
                    stored.fingerprint(), stored.title(), stored.culprit(), stored.exceptionType(), issue.level(),
                    issue.status(), issue.mute(), issue.firstSeen(), issue.lastSeen(), issue.eventCount(),
                    issue.assignee(), issue.resolvedAt()));
            changes.changed(issue.id());
        });
    }

    @Override
    public List<Listed> list(Issues.Query query) {
        IssueSort sort = query.sort();
        Comparator<Listed> order = Comparator.<Listed>comparingLong(listed -> listed.keyOf(sort))
                .thenComparing(listed -> listed.issue().id(), IssueSort::compareIds).reversed();
        return table.read(() -> byId.values().stream()
                .filter(matches(query))
                .filter(issue -> seen(issue, query.seen()))
                .map(issue -> new Listed(issue, there(issue, query.seen())))
                .filter(listed -> withinLastSeen(query, listed))
                .filter(listed -> query.after().map(p -> isAfter(listed, sort, p)).orElse(true))
                .sorted(order)
                .limit(query.fetch())
                .toList());
    }

    /** The issue's tally in the release filtered on, else in the environment filtered on. */
    private Optional<IssueTallies.Tally> there(Issue issue, Issues.Query.Seen seen) {
        if (seen.release().isPresent()) {
            return tallyOf(tallies.releases(issue.id()), seen.release().get());
        }
        return seen.environment().flatMap(environment -> tallyOf(tallies.environments(issue.id()), environment));
    }

    private static Optional<IssueTallies.Tally> tallyOf(List<IssueTallies.Tally> tallies, String value) {
        return tallies.stream().filter(t -> t.value().equals(value)).findFirst();
    }

    private static boolean withinLastSeen(Issues.Query query, Listed listed) {
        Instant lastSeen = listed.there().map(IssueTallies.Tally::lastSeen).orElse(listed.issue().lastSeen());
        return query.lastSeenFrom().map(from -> !lastSeen.isBefore(from)).orElse(true)
                && query.lastSeenUntil().map(lastSeen::isBefore).orElse(true);
    }

    private static boolean isAfter(Listed listed, IssueSort sort, Issues.Query.Position position) {
        return IssueSort.isAfter(listed.keyOf(sort), listed.issue().id(), position.key(), position.id());
    }

    private Optional<Issue> findByFingerprint(ApplicationId applicationId, Fingerprint fingerprint) {
        return byId.values().stream()
                .filter(i -> i.applicationId().equals(applicationId) && i.fingerprint().equals(fingerprint))
                .findFirst();
    }

    private static Predicate<Issue> matches(Issues.Query query) {
        Optional<String> needle = query.text().map(t -> t.toLowerCase(Locale.ROOT));
        return issue -> query.applications().contains(issue.applicationId())
                && query.status().map(s -> issue.statusAt(query.now()) == s).orElse(true)
                && needle.map(n -> contains(issue.title(), n) || contains(issue.culprit(), n)
                        || contains(issue.exceptionType(), n)).orElse(true);
    }

    private boolean seen(Issue issue, Issues.Query.Seen seen) {
        return seen.level().map(level -> issue.level() == level).orElse(true)
                && seen.release().map(r -> tallies.releases(issue.id()).stream().anyMatch(t -> t.value().equals(r)))
                        .orElse(true)
                && seen.environment().map(e -> tallies.environments(issue.id()).stream()
                        .anyMatch(t -> t.value().equals(e))).orElse(true)
                && seen.openedOrRegressedSince().map(since -> !issue.firstSeen().isBefore(since)
                        || activities.listByIssue(issue.id(), Integer.MAX_VALUE).stream().anyMatch(a ->
                                (a.kind() == IssueActivity.Kind.OPENED || a.kind() == IssueActivity.Kind.REGRESSED)
                                        && !a.at().isBefore(since))).orElse(true);
    }

    private static boolean contains(String haystack, String lowercaseNeedle) {
        return haystack.toLowerCase(Locale.ROOT).contains(lowercaseNeedle);
    }
}
