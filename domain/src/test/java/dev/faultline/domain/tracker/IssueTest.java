package dev.faultline.domain.tracker;

import static dev.faultline.domain.tracker.Issues.eventOf;
import static dev.faultline.domain.tracker.Issues.withEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Issue.AssignOutcome;
import dev.faultline.domain.tracker.Issue.MuteOutcome;
import dev.faultline.domain.tracker.Issue.RecordEventOutcome;
import dev.faultline.domain.tracker.Issue.ReopenOutcome;
import dev.faultline.domain.tracker.Issue.ResolveOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IssueTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofHours(1));

    private static Issue muted(MuteRule rule) {
        return ((MuteOutcome.Muted) withEvents(T0, 3).mute(rule, NOW)).issue();
    }

    @Nested
    class Counting {
        @Test
        void the_first_event_sets_first_and_last_seen() {
            Issue issue = Issues.fresh(NOW);
            Instant at = T0.plusSeconds(5);
            RecordEventOutcome outcome = issue.recordEvent(eventOf(issue, at), NOW);
            assertThat(outcome).isInstanceOf(RecordEventOutcome.Counted.class);
            assertThat(outcome.issue().eventCount()).isEqualTo(1);
            assertThat(outcome.issue().firstSeen()).isEqualTo(at);
            assertThat(outcome.issue().lastSeen()).isEqualTo(at);
        }

        @Test
        void late_and_early_events_widen_the_seen_range_only() {
            Issue issue = withEvents(T0, 2);
            Issue late = issue.recordEvent(eventOf(issue, T0.plusSeconds(100)), NOW).issue();
            Issue early = late.recordEvent(eventOf(late, T0.minusSeconds(100)), NOW).issue();
            Issue middle = early.recordEvent(eventOf(early, T0.plusSeconds(50)), NOW).issue();
            assertThat(middle.eventCount()).isEqualTo(5);
            assertThat(middle.firstSeen()).isEqualTo(T0.minusSeconds(100));
            assertThat(middle.lastSeen()).isEqualTo(T0.plusSeconds(100));
        }

        @Test
        void an_event_of_another_issue_is_a_programming_error() {
            Issue issue = withEvents(T0, 1);
            Issue other = Issues.fresh(T0);
            assertThatThrownBy(() -> issue.recordEvent(eventOf(other, T0), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Resolving {
        @Test
        void resolves_an_unresolved_issue() {
            ResolveOutcome outcome = withEvents(T0, 1).resolve(NOW);
            assertThat(outcome).isInstanceOf(ResolveOutcome.Resolved.class);
            assertThat(outcome.issue().status()).isEqualTo(IssueStatus.RESOLVED);
        }

        @Test
        void resolving_a_resolved_issue_says_so() {
            Issue resolved = withEvents(T0, 1).resolve(NOW).issue();
            ResolveOutcome again = resolved.resolve(NOW);
            assertThat(again).isInstanceOf(ResolveOutcome.AlreadyResolved.class);
            assertThat(again.issue()).isEqualTo(resolved);
        }

        @Test
        void resolving_a_muted_issue_drops_the_mute() {
            Issue resolved = muted(new MuteRule.Forever()).resolve(NOW).issue();
            assertThat(resolved.status()).isEqualTo(IssueStatus.RESOLVED);
            assertThat(resolved.mute()).isEmpty();
        }

        @Test
        void a_new_event_on_a_resolved_issue_is_a_regression() {
            Issue resolved = withEvents(T0, 2).resolve(NOW).issue();
            RecordEventOutcome outcome = resolved.recordEvent(eventOf(resolved, NOW), NOW);
            assertThat(outcome).isInstanceOf(RecordEventOutcome.Regressed.class);
            assertThat(outcome.issue().status()).isEqualTo(IssueStatus.UNRESOLVED);
            assertThat(outcome.issue().eventCount()).isEqualTo(3);
        }

        @Test
        void resolving_records_when_and_leaving_resolved_forgets_it() {
            Issue resolved = withEvents(T0, 1).resolve(NOW).issue();
            assertThat(resolved.resolvedAt()).contains(NOW);
            assertThat(resolved.reopen(NOW.plusSeconds(1)).issue().resolvedAt()).isEmpty();
            assertThat(resolved.recordEvent(eventOf(resolved, NOW), NOW).issue().resolvedAt()).isEmpty();
            assertThat(((MuteOutcome.Muted) resolved.mute(new MuteRule.Forever(), NOW)).issue().resolvedAt())
                    .isEmpty();
        }

        @Test
        void an_event_from_before_the_resolution_is_counted_and_leaves_it_resolved() {
            Issue resolved = withEvents(T0, 2).resolve(NOW).issue();
            Instant earlier = NOW.minusNanos(1000);
            RecordEventOutcome outcome = resolved.recordEvent(eventOf(resolved, earlier), NOW.plusSeconds(5));
            assertThat(outcome).isInstanceOf(RecordEventOutcome.Counted.class);
            assertThat(outcome.issue().status()).isEqualTo(IssueStatus.RESOLVED);
            assertThat(outcome.issue().resolvedAt()).contains(NOW);
            assertThat(outcome.issue().eventCount()).isEqualTo(3);
            assertThat(outcome.issue().regressedBy(eventOf(resolved, NOW))).isTrue();
        }

        @Test
        void an_issue_resolved_before_resolution_times_were_kept_regresses_on_any_event() {
            Issue old = withEvents(T0, 1);
            Issue legacy = new Issue(old.id(), old.applicationId(), old.fingerprint(), old.title(), old.culprit(),
                    old.exceptionType(), old.level(), IssueStatus.RESOLVED, Optional.empty(), old.firstSeen(),
                    old.lastSeen(), old.eventCount(), Optional.empty());
            assertThat(legacy.recordEvent(eventOf(legacy, T0.minusSeconds(60)), NOW))
                    .isInstanceOf(RecordEventOutcome.Regressed.class);
        }

        @Test
        void only_a_resolved_issue_has_a_resolution_time() {
            Issue open = withEvents(T0, 1);
            assertThatThrownBy(() -> new Issue(open.id(), open.applicationId(), open.fingerprint(), open.title(),
                    open.culprit(), open.exceptionType(), open.level(), IssueStatus.UNRESOLVED, Optional.empty(),
                    open.firstSeen(), open.lastSeen(), open.eventCount(), Optional.empty(), Optional.of(NOW)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Reopening {
        @Test
        void reopens_a_resolved_issue() {
            ReopenOutcome outcome = withEvents(T0, 1).resolve(NOW).issue().reopen(NOW);
            assertThat(outcome).isInstanceOf(ReopenOutcome.Reopened.class);
            assertThat(outcome.issue().status()).isEqualTo(IssueStatus.UNRESOLVED);
        }

        @Test
        void reopening_a_muted_issue_unmutes_it() {
            ReopenOutcome outcome = muted(new MuteRule.UntilMoreEvents(10)).reopen(NOW);
            assertThat(outcome).isInstanceOf(ReopenOutcome.Reopened.class);
            assertThat(outcome.issue().mute()).isEmpty();
        }

        @Test
        void reopening_an_unresolved_issue_says_so() {
            assertThat(withEvents(T0, 1).reopen(NOW)).isInstanceOf(ReopenOutcome.AlreadyUnresolved.class);
        }

        @Test
        void reopening_after_an_until_time_mute_lapsed_says_already_unresolved() {
            Issue issue = muted(new MuteRule.UntilTime(NOW.plusSeconds(60)));
            assertThat(issue.reopen(NOW.plusSeconds(60))).isInstanceOf(ReopenOutcome.AlreadyUnresolved.class);
            assertThat(issue.reopen(NOW.plusSeconds(59))).isInstanceOf(ReopenOutcome.Reopened.class);
        }
    }

    @Nested
    class Muting {
        @Test
        void mutes_forever() {
            Issue issue = muted(new MuteRule.Forever());
            assertThat(issue.status()).isEqualTo(IssueStatus.MUTED);
            assertThat(issue.mute()).contains(new ActiveMute.Forever());
            Issue after = issue.recordEvent(eventOf(issue, NOW), NOW.plus(Duration.ofDays(900))).issue();
            assertThat(after.statusAt(NOW.plus(Duration.ofDays(900)))).isEqualTo(IssueStatus.MUTED);
        }

        @Test
        void muting_until_a_past_or_present_moment_is_refused() {
            Issue issue = withEvents(T0, 1);
            assertThat(issue.mute(new MuteRule.UntilTime(NOW), NOW))
                    .isEqualTo(new MuteOutcome.UntilTimeNotInFuture(NOW, NOW));
            assertThat(issue.mute(new MuteRule.UntilTime(NOW.minusSeconds(1)), NOW))
                    .isInstanceOf(MuteOutcome.UntilTimeNotInFuture.class);
        }

        @Test
        void an_until_time_mute_reads_unresolved_once_its_time_has_come() {
            Instant until = NOW.plus(Duration.ofHours(2));
            Issue issue = muted(new MuteRule.UntilTime(until));
            assertThat(issue.statusAt(until.minusMillis(1))).isEqualTo(IssueStatus.MUTED);
            assertThat(issue.statusAt(until)).isEqualTo(IssueStatus.UNRESOLVED);
            assertThat(issue.asOf(until).status()).isEqualTo(IssueStatus.UNRESOLVED);
            assertThat(issue.asOf(until).mute()).isEmpty();
            assertThat(issue.asOf(until.minusMillis(1))).isSameAs(issue);
        }

        @Test
        void an_event_after_the_until_time_ends_the_mute() {
            Instant until = NOW.plus(Duration.ofHours(2));
            Issue issue = muted(new MuteRule.UntilTime(until));
            assertThat(issue.recordEvent(eventOf(issue, until.minusSeconds(1)), until.minusSeconds(1)))
                    .isInstanceOf(RecordEventOutcome.StillMuted.class);
            RecordEventOutcome ended = issue.recordEvent(eventOf(issue, until), until);
            assertThat(ended).isInstanceOf(RecordEventOutcome.MuteEnded.class);
            assertThat(ended.issue().status()).isEqualTo(IssueStatus.UNRESOLVED);
            assertThat(ended.issue().mute()).isEmpty();
        }

        @Test
        void an_until_more_events_mute_ends_with_the_nth_event() {
            Issue issue = muted(new MuteRule.UntilMoreEvents(3));
            assertThat(issue.mute()).contains(new ActiveMute.UntilEventCount(6));
            for (int i = 1; i <= 2; i++) {
                RecordEventOutcome outcome = issue.recordEvent(eventOf(issue, NOW), NOW);
                assertThat(outcome).isInstanceOf(RecordEventOutcome.StillMuted.class);
                issue = outcome.issue();
            }
            RecordEventOutcome third = issue.recordEvent(eventOf(issue, NOW), NOW);
            assertThat(third).isInstanceOf(RecordEventOutcome.MuteEnded.class);
            assertThat(third.issue().status()).isEqualTo(IssueStatus.UNRESOLVED);
            assertThat(third.issue().eventCount()).isEqualTo(6);
        }

        @Test
        void remuting_replaces_the_rule() {
            Issue issue = muted(new MuteRule.Forever());
            MuteOutcome outcome = issue.mute(new MuteRule.UntilMoreEvents(1), NOW);
            assertThat(((MuteOutcome.Muted) outcome).issue().mute()).contains(new ActiveMute.UntilEventCount(4));
        }

        @Test
        void muting_a_resolved_issue_is_allowed() {
            Issue resolved = withEvents(T0, 1).resolve(NOW).issue();
            assertThat(resolved.mute(new MuteRule.Forever(), NOW)).isInstanceOf(MuteOutcome.Muted.class);
        }

        @Test
        void a_mute_needs_at_least_one_more_event() {
            assertThatThrownBy(() -> new MuteRule.UntilMoreEvents(0)).isInstanceOf(InvalidValue.class);
            assertThatThrownBy(() -> new MuteRule.UntilMoreEvents(MuteRule.MAX_EVENTS + 1))
                    .isInstanceOf(InvalidValue.class);
        }

        @Test
        void a_muted_issue_without_a_rule_cannot_be_built() {
            Issue issue = withEvents(T0, 1);
            assertThatThrownBy(() -> new Issue(issue.id(), issue.applicationId(), issue.fingerprint(), issue.title(),
                    issue.culprit(), issue.exceptionType(), issue.level(), IssueStatus.MUTED, Optional.empty(),
                    issue.firstSeen(), issue.lastSeen(), 1, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Assigning {
        private final UserId grace = UserId.random();

        @Test
        void assigns_reassigns_and_unassigns() {
            Issue issue = withEvents(T0, 1);
            AssignOutcome assigned = issue.assign(Optional.of(grace));
            assertThat(assigned).isInstanceOf(AssignOutcome.Assigned.class);
            assertThat(assigned.issue().assignee()).contains(grace);
            assertThat(assigned.issue().assign(Optional.of(grace))).isInstanceOf(AssignOutcome.Unchanged.class);
            AssignOutcome unassigned = assigned.issue().assign(Optional.empty());
            assertThat(unassigned).isInstanceOf(AssignOutcome.Unassigned.class);
            assertThat(unassigned.issue().assignee()).isEmpty();
            assertThat(issue.assign(Optional.empty())).isInstanceOf(AssignOutcome.Unchanged.class);
        }
    }

    @Test
    void long_titles_are_shortened_when_an_issue_opens() {
        Issue issue = Issue.open(Issues.APP, new Fingerprint("x"), "E: " + "x".repeat(400), "A.b", "E",
                Level.ERROR, T0);
        assertThat(issue.title()).hasSize(Issue.MAX_TITLE_LENGTH).endsWith("…");
    }
}
