package dev.faultline.application.intake;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.intake.port.in.GetIssueHistory;
import dev.faultline.application.intake.port.in.GetIssueHistory.ActivityEntry;
import dev.faultline.application.intake.port.in.GetIssueHistory.DailyCount;
import dev.faultline.application.intake.port.in.GetIssueHistory.Explanation;
import dev.faultline.application.intake.port.in.GetIssueHistory.IssueHistory;
import dev.faultline.application.intake.port.in.GetIssueHistory.Tally;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link GetIssueHistory} shows of an issue the actor may see (checked by the caller): grouping, tallies,
 * recent daily counts and activity, with the names of the people in it looked up together. Reads only; call
 * inside a unit of work.
 */
final class IssueHistoryReader {
    private final IssueGroupings groupings;
    private final IssueTallies tallies;
    private final IssueActivities activities;
    private final Users users;
    private final Clock clock;

    IssueHistoryReader(IssueGroupings groupings, IssueTallies tallies, IssueActivities activities, Users users,
            Clock clock) {
        this.groupings = groupings;
        this.tallies = tallies;
        this.activities = activities;
        this.users = users;
        this.clock = clock;
    }

    IssueHistory read(IssueId id) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(GetIssueHistory.DAYS - 1);
        IssueTallies.Seen seen = tallies.seen(id, from, today);
        List<IssueActivity> records = activities.listByIssue(id, GetIssueHistory.MAX_ACTIVITY + 1);
        List<IssueActivity> shown = records.stream().limit(GetIssueHistory.MAX_ACTIVITY).toList();
        return new IssueHistory(id,
                groupings.find(id).map(g -> new Explanation(g.version(), g.canonicalText())),
                first(seen.releases()), seen.releases().size(), first(seen.environments()),
                seen.environments().size(), daily(from, today, seen.days()),
                entries(shown), records.size() > GetIssueHistory.MAX_ACTIVITY);
    }

    private static List<Tally> first(List<IssueTallies.Tally> tallies) {
        return tallies.stream().limit(GetIssueHistory.MAX_TALLIES)
                .map(t -> new Tally(t.value(), t.firstSeen(), t.lastSeen(), t.eventCount())).toList();
    }

    /** Every one of the last {@value GetIssueHistory#DAYS} UTC days, today the last, with 0 where nothing happened. */
    private static List<DailyCount> daily(LocalDate from, LocalDate today, List<IssueTallies.DailyCount> counts) {
        Map<LocalDate, Long> counted = counts.stream()
                .collect(Collectors.toMap(IssueTallies.DailyCount::day, IssueTallies.DailyCount::eventCount));
        List<DailyCount> days = new ArrayList<>(GetIssueHistory.DAYS);
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(new DailyCount(day, counted.getOrDefault(day, 0L)));
        }
        return days;
    }

    /** The people who made the changes, looked up in one go (not one look-up per record). */
    private List<ActivityEntry> entries(List<IssueActivity> shown) {
        Set<UserId> people = new LinkedHashSet<>();
        shown.forEach(activity -> person(activity).ifPresent(people::add));
        Map<UserId, User> found = people.isEmpty() ? Map.of() : users.findAll(people);
        return shown.stream().map(activity -> new ActivityEntry(activity, person(activity)
                .map(found::get).map(user -> user.displayName().value()))).toList();
    }

    private static Optional<UserId> person(IssueActivity activity) {
        return activity.actor().fold(person -> Optional.of(person.user()), ingest -> Optional.<UserId>empty(),
                system -> Optional.<UserId>empty());
    }
}
