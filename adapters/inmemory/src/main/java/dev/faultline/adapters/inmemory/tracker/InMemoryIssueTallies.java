package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Per-release, per-environment and per-day counts in maps. */
public final class InMemoryIssueTallies implements IssueTallies {
    private static final Comparator<Tally> MOST_RECENT_FIRST = Comparator.comparing(Tally::lastSeen).reversed()
            .thenComparing(Tally::value);

    private record Key(IssueId issueId, String dimension, String value) {
    }

    private record Day(IssueId issueId, LocalDate day) {
    }

    private final Map<Key, Tally> tallies = new HashMap<>();
    private final Map<Day, Long> days = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(tallies, days));

    @Override
    public void count(IssueId issueId, Optional<String> release, Optional<String> environment, Instant occurredAt) {
        table.write(() -> {
            release.ifPresent(r -> tally(new Key(issueId, "release", r), occurredAt));
            environment.ifPresent(e -> tally(new Key(issueId, "environment", e), occurredAt));
            days.merge(new Day(issueId, LocalDate.ofInstant(occurredAt, ZoneOffset.UTC)), 1L, Long::sum);
        });
    }

    private void tally(Key key, Instant at) {
        tallies.merge(key, new Tally(key.value(), at, at, 1), (old, one) -> new Tally(old.value(),
                at.isBefore(old.firstSeen()) ? at : old.firstSeen(), at.isAfter(old.lastSeen()) ? at : old.lastSeen(),
                old.eventCount() + 1));
    }

    @Override
    public List<Tally> releases(IssueId issueId) {
        return list(issueId, "release");
    }

    @Override
    public List<Tally> environments(IssueId issueId) {
        return list(issueId, "environment");
    }

    @Override
    public Seen seen(IssueId issueId, LocalDate from, LocalDate until) {
        return table.read(() -> new Seen(releases(issueId), environments(issueId), dailyCounts(issueId, from, until)));
    }

    private List<Tally> list(IssueId issueId, String dimension) {
        return table.read(() -> tallies.entrySet().stream()
                .filter(e -> e.getKey().issueId().equals(issueId) && e.getKey().dimension().equals(dimension))
                .map(Map.Entry::getValue)
                .sorted(MOST_RECENT_FIRST)
                .toList());
    }

    @Override
    public List<DailyCount> dailyCounts(IssueId issueId, LocalDate from, LocalDate until) {
        return table.read(() -> days.entrySet().stream()
                .filter(e -> e.getKey().issueId().equals(issueId) && !e.getKey().day().isBefore(from)
                        && !e.getKey().day().isAfter(until))
                .map(e -> new DailyCount(e.getKey().day(), e.getValue()))
                .sorted(Comparator.comparing(DailyCount::day))
                .toList());
    }
}
