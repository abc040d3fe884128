package dev.faultline.application.intake;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.intake.port.in.GetIssueHistory;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.User;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gathers an issue's grouping, tallies, recent daily counts and activity for a member of its application, in one
 * unit of work (one connection, one view).
 */
public class GetIssueHistoryService implements GetIssueHistory {
    private final Issues issues;
    private final Memberships memberships;
    private final IssueGroupings groupings;
    private final IssueTallies tallies;
    private final IssueActivities activities;
    private final Users users;
    private final Transactions transactions;
    private final Clock clock;

    public GetIssueHistoryService(Issues issues, Memberships memberships, IssueGroupings groupings,
            IssueTallies tallies, IssueActivities activities, Users users, Transactions transactions, Clock clock) {
        this.issues = issues;
        this.memberships = memberships;
        this.groupings = groupings;
        this.tallies = tallies;
        this.activities = activities;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome getIssueHistory(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> find(command));
    }

    private Outcome find(Command command) {
        IssueId id = command.issueId();
        Optional<Issue> issue = issues.findById(id)
                .filter(i -> memberships.find(i.applicationId(), command.actor().user()).isPresent());
        if (issue.isEmpty()) {
            return new Outcome.NotFound(id);
        }
        List<IssueTallies.Tally> releases = tallies.releases(id);
        List<IssueTallies.Tally> environments = tallies.environments(id);
        List<IssueActivity> records = activities.listByIssue(id, MAX_ACTIVITY + 1);
        return new Outcome.Found(new IssueHistory(id,
                groupings.find(id).map(g -> new Explanation(g.version(), g.canonicalText())),
                first(releases), releases.size(), first(environments), environments.size(), daily(id),
                records.stream().limit(MAX_ACTIVITY).map(this::entry).toList(), records.size() > MAX_ACTIVITY));
    }

    private static List<Tally> first(List<IssueTallies.Tally> tallies) {
        return tallies.stream().limit(MAX_TALLIES)
                .map(t -> new Tally(t.value(), t.firstSeen(), t.lastSeen(), t.eventCount())).toList();
    }

    /** Every one of the last {@value #DAYS} UTC days, today the last, with 0 where nothing happened. */
    private List<DailyCount> daily(IssueId id) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(DAYS - 1);
        Map<LocalDate, Long> counted = tallies.dailyCounts(id, from, today).stream()
                .collect(Collectors.toMap(IssueTallies.DailyCount::day, IssueTallies.DailyCount::eventCount));
        List<DailyCount> days = new ArrayList<>(DAYS);
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(new DailyCount(day, counted.getOrDefault(day, 0L)));
        }
        return days;
    }

    private ActivityEntry entry(IssueActivity activity) {
        Optional<String> name = activity.actor().fold(
                person -> users.findById(person.user()).map(User::displayName).map(n -> n.value()),
                ingest -> Optional.<String>empty(), system -> Optional.<String>empty());
        return new ActivityEntry(activity, name);
    }
}
