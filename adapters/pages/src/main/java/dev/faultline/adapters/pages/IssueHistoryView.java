package dev.faultline.adapters.pages;

import dev.faultline.application.intake.port.in.GetIssueHistory;
import dev.faultline.application.intake.port.in.GetIssueHistory.ActivityEntry;
import dev.faultline.application.intake.port.in.GetIssueHistory.IssueHistory;
import dev.faultline.domain.account.UserId;
import java.util.List;

/**
 * The issue page's history parts: why its events are one issue, where it was seen, a bar per day for two weeks
 * (heights as classes {@code bar-0} .. {@code bar-10}, no inline style, so the strict CSP holds) and its activity.
 * Grouping text, release and environment names come from crash reports, people's names from people: all go
 * through {@link DisplayText} and Mustache's escaping.
 */
public record IssueHistoryView(String groupingVersion, String canonicalText, List<SeenRow> releases,
        int releaseCount, List<SeenRow> environments, int environmentCount, List<DayBar> days, long dayTotal,
        List<ActivityRow> activity, boolean activityTruncated) {

    static final int BAR_STEPS = 10;

    static IssueHistoryView of(IssueHistory history, UserId reader) {
        long max = history.daily().stream().mapToLong(GetIssueHistory.DailyCount::eventCount).max().orElse(0);
        return new IssueHistoryView(
                history.grouping().map(g -> Integer.toString(g.version())).orElse(null),
                history.grouping().map(g -> DisplayText.of(g.canonicalText())).orElse(null),
                history.releases().stream().map(SeenRow::of).toList(), history.releaseCount(),
                history.environments().stream().map(SeenRow::of).toList(), history.environmentCount(),
                history.daily().stream().map(d -> DayBar.of(d, max)).toList(),
                history.daily().stream().mapToLong(GetIssueHistory.DailyCount::eventCount).sum(),
                history.activity().stream().map(a -> ActivityRow.of(a, reader)).toList(),
                history.activityTruncated());
    }

    public boolean hasGrouping() {
        return canonicalText != null;
    }

    public boolean hasReleases() {
        return !releases.isEmpty();
    }

    public boolean hasEnvironments() {
        return !environments.isEmpty();
    }

    public boolean hasActivity() {
        return !activity.isEmpty();
    }

    /** A release or environment with its count and first and last sighting. */
    public record SeenRow(String name, long events, String firstSeen, String firstSeenIso, String lastSeen,
            String lastSeenIso) {
        static SeenRow of(GetIssueHistory.Tally tally) {
            return new SeenRow(DisplayText.of(tally.value()), tally.eventCount(), Dates.shown(tally.firstSeen()),
                    Dates.machine(tally.firstSeen()), Dates.shown(tally.lastSeen()), Dates.machine(tally.lastSeen()));
        }
    }

    /** One day: its count, and a bar step from 0 (none) to {@value #BAR_STEPS} (the busiest day). */
    public record DayBar(String day, String label, long events, int step) {
        static DayBar of(GetIssueHistory.DailyCount count, long max) {
            int step = count.eventCount() == 0 || max == 0 ? 0
                    : (int) Math.max(1, Math.min(BAR_STEPS, (count.eventCount() * BAR_STEPS + max - 1) / max));
            return new DayBar(count.day().toString(), count.day().getDayOfMonth() + " "
                    + count.day().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH),
                    count.eventCount(), step);
        }
    }

    /** One status change: what, by whom or what, when. */
    public record ActivityRow(String what, String by, String at, String atIso) {
        static ActivityRow of(ActivityEntry entry, UserId reader) {
            String by = entry.activity().actor().fold(
                    person -> person.user().equals(reader) ? "You"
                            : entry.personName().map(DisplayText::of).orElse("A former member"),
                    ingest -> "An event from the SDK", system -> "Faultline");
            return new ActivityRow(entry.activity().kind().wireName(), by, Dates.shown(entry.activity().at()),
                    Dates.machine(entry.activity().at()));
        }
    }
}
