package dev.faultline.application.tracker.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static dev.faultline.application.testing.Fixtures.application;
import static dev.faultline.application.testing.Fixtures.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.tracker.port.out.IssueTallies.DailyCount;
import dev.faultline.application.tracker.port.out.IssueTallies.Seen;
import dev.faultline.application.tracker.port.out.IssueTallies.Tally;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link IssueTallies} adapter must do. */
public abstract class IssueTalliesContract {
    protected abstract IssueTallies tallies();

    /** For the issues (and their applications) the tallies belong to. */
    protected abstract Issues issues();

    protected abstract Applications applications();

    private IssueId someIssue() {
        Application app = application();
        applications().add(app);
        Issue issue = issue(app.id());
        issues().add(issue);
        return issue.id();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    @Test
    void seen_reads_releases_environments_and_days_together_in_their_orders() {
        IssueId id = someIssue();
        IssueId other = someIssue();
        Instant later = T0.plus(Duration.ofDays(3));
        // Same last seen for "b", "B" and "a": ties go byte-wise, so "B" before "a" before "b".
        tallies().count(id, Optional.of("b"), Optional.of("production"), T0);
        tallies().count(id, Optional.of("B"), Optional.empty(), T0);
        tallies().count(id, Optional.of("a"), Optional.of("staging"), T0);
        tallies().count(id, Optional.of("new"), Optional.of("staging"), later);
        tallies().count(id, Optional.empty(), Optional.empty(), T0.minus(Duration.ofDays(10)));
        tallies().count(other, Optional.of("theirs"), Optional.of("theirs"), later);

        Seen seen = tallies().seen(id, day(T0).minusDays(1), day(later));

        assertThat(seen.releases()).extracting(Tally::value).containsExactly("new", "B", "a", "b");
        assertThat(seen.releases().get(0)).isEqualTo(new Tally("new", later, later, 1));
        assertThat(seen.environments()).extracting(Tally::value).containsExactly("staging", "production");
        assertThat(seen.environments().get(0)).isEqualTo(new Tally("staging", T0, later, 2));
        assertThat(seen.days()).containsExactly(new DailyCount(day(T0), 3), new DailyCount(day(later), 1));
        assertThat(seen).isEqualTo(new Seen(tallies().releases(id), tallies().environments(id),
                tallies().dailyCounts(id, day(T0).minusDays(1), day(later))));
    }

    @Test
    void seen_of_an_issue_without_events_is_empty() {
        IssueId id = someIssue();
        assertThat(tallies().seen(id, day(T0), day(T0))).isEqualTo(new Seen(List.of(), List.of(), List.of()));
    }
}
