package dev.faultline.domain.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever triage and events happen to an issue, in any order, its invariants hold. */
class IssueLifecycleProperties {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    enum Step { EVENT, LATE_EVENT, RESOLVE, REOPEN, MUTE_FOREVER, MUTE_FOR_TWO_EVENTS, MUTE_FOR_AN_HOUR, WAIT_HALF_AN_HOUR }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMaxSize(40);
    }

    @Property
    void counts_every_event_and_keeps_mute_and_status_consistent(@ForAll("steps") List<Step> steps) {
        Issue issue = Issues.fresh(T0);
        Instant now = T0;
        long events = 0;
        for (Step step : steps) {
            IssueStatus before = issue.statusAt(now);
            switch (step) {
                case EVENT -> {
                    Issue.RecordEventOutcome outcome = issue.recordEvent(Issues.eventOf(issue, now), now);
                    events++;
                    if (before == IssueStatus.RESOLVED) {
                        assertThat(outcome).isInstanceOf(Issue.RecordEventOutcome.Regressed.class);
                    }
                    if (outcome instanceof Issue.RecordEventOutcome.StillMuted) {
                        assertThat(outcome.issue().statusAt(now)).isEqualTo(IssueStatus.MUTED);
                    } else {
                        assertThat(outcome.issue().statusAt(now)).isEqualTo(IssueStatus.UNRESOLVED);
                    }
                    issue = outcome.issue();
                }
                case LATE_EVENT -> {
                    // an event from an hour ago (an offline device catching up): regresses only if not older than
                    // the resolution
                    Instant at = now.minus(Duration.ofHours(1));
                    Issue.RecordEventOutcome outcome = issue.recordEvent(Issues.eventOf(issue, at), now);
                    events++;
                    if (before == IssueStatus.RESOLVED) {
                        boolean fromBefore = issue.resolvedAt().orElseThrow().isAfter(at);
                        assertThat(outcome instanceof Issue.RecordEventOutcome.Regressed).isEqualTo(!fromBefore);
                        assertThat(outcome.issue().statusAt(now))
                                .isEqualTo(fromBefore ? IssueStatus.RESOLVED : IssueStatus.UNRESOLVED);
                    }
                    issue = outcome.issue();
                }
                case RESOLVE -> {
                    Issue.ResolveOutcome outcome = issue.resolve(now);
                    assertThat(outcome instanceof Issue.ResolveOutcome.AlreadyResolved)
                            .isEqualTo(before == IssueStatus.RESOLVED);
                    issue = outcome.issue();
                }
                case REOPEN -> {
                    Issue.ReopenOutcome outcome = issue.reopen(now);
                    assertThat(outcome instanceof Issue.ReopenOutcome.AlreadyUnresolved)
                            .isEqualTo(before == IssueStatus.UNRESOLVED);
                    issue = outcome.issue();
                }
                case MUTE_FOREVER -> issue = muted(issue.mute(new MuteRule.Forever(), now));
                case MUTE_FOR_TWO_EVENTS -> issue = muted(issue.mute(new MuteRule.UntilMoreEvents(2), now));
                case MUTE_FOR_AN_HOUR -> issue = muted(issue.mute(new MuteRule.UntilTime(now.plusSeconds(3600)), now));
                case WAIT_HALF_AN_HOUR -> now = now.plus(Duration.ofMinutes(30));
            }
            assertThat(issue.eventCount()).isEqualTo(events);
            assertThat(issue.mute().isPresent()).isEqualTo(issue.status() == IssueStatus.MUTED);
            assertThat(issue.asOf(now).status()).isEqualTo(issue.statusAt(now));
            assertThat(issue.lastSeen()).isAfterOrEqualTo(issue.firstSeen());
            assertThat(issue.resolvedAt().isPresent()).isEqualTo(issue.status() == IssueStatus.RESOLVED);
        }
    }

    private static Issue muted(Issue.MuteOutcome outcome) {
        assertThat(outcome).isInstanceOf(Issue.MuteOutcome.Muted.class);
        Issue issue = ((Issue.MuteOutcome.Muted) outcome).issue();
        assertThat(issue.status()).isEqualTo(IssueStatus.MUTED);
        return issue;
    }
}
