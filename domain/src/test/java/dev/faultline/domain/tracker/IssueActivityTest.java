package dev.faultline.domain.tracker;

import static dev.faultline.domain.tracker.Issues.eventOf;
import static dev.faultline.domain.tracker.Issues.withEvents;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.tracker.IssueActivity.Kind;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueActivityTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void names_each_status_change_a_person_makes() {
        assertThat(IssueActivity.ofChange(IssueStatus.UNRESOLVED, IssueStatus.RESOLVED)).contains(Kind.RESOLVED);
        assertThat(IssueActivity.ofChange(IssueStatus.MUTED, IssueStatus.RESOLVED)).contains(Kind.RESOLVED);
        assertThat(IssueActivity.ofChange(IssueStatus.RESOLVED, IssueStatus.UNRESOLVED)).contains(Kind.REOPENED);
        assertThat(IssueActivity.ofChange(IssueStatus.MUTED, IssueStatus.UNRESOLVED)).contains(Kind.UNMUTED);
        assertThat(IssueActivity.ofChange(IssueStatus.UNRESOLVED, IssueStatus.MUTED)).contains(Kind.MUTED);
        assertThat(IssueActivity.ofChange(IssueStatus.MUTED, IssueStatus.MUTED)).contains(Kind.MUTED);
        assertThat(IssueActivity.ofChange(IssueStatus.RESOLVED, IssueStatus.RESOLVED)).isEmpty();
        assertThat(IssueActivity.ofChange(IssueStatus.UNRESOLVED, IssueStatus.UNRESOLVED)).isEmpty();
    }

    @Test
    void names_what_an_event_did_and_nothing_when_it_only_counted() {
        Issue issue = withEvents(T0, 1);
        Issue.RecordEventOutcome counted = issue.recordEvent(eventOf(issue, T0), T0);
        assertThat(IssueActivity.ofEvent(true, counted)).contains(Kind.OPENED);
        assertThat(IssueActivity.ofEvent(false, counted)).isEmpty();
        Issue resolved = issue.resolve(T0).issue();
        assertThat(IssueActivity.ofEvent(false, resolved.recordEvent(eventOf(resolved, T0), T0)))
                .contains(Kind.REGRESSED);
        assertThat(IssueActivity.ofEvent(false, resolved.recordEvent(eventOf(resolved, T0.minusSeconds(1)), T0)))
                .isEmpty();
        Issue muted = ((Issue.MuteOutcome.Muted) issue.mute(new MuteRule.UntilMoreEvents(1), T0)).issue();
        assertThat(IssueActivity.ofEvent(false, muted.recordEvent(eventOf(muted, T0), T0))).contains(Kind.UNMUTED);
    }

    @Test
    void kinds_have_stable_wire_names() {
        for (Kind kind : Kind.values()) {
            assertThat(Kind.parse(kind.wireName())).isEqualTo(kind);
        }
        assertThat(Kind.UNMUTED.wireName()).isEqualTo("unmuted");
        assertThat(new IssueActivity(IssueId.random(), Kind.OPENED, ActivityActor.system(),
                T0.plusNanos(1_234_567), Optional.empty()).at()).isEqualTo(T0.plusNanos(1_234_000));
    }
}
