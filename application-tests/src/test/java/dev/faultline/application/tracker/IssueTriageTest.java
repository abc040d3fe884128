package dev.faultline.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.application.tracker.port.in.ReopenIssue;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ActiveMute;
import dev.faultline.domain.tracker.ActivityActor;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueActivity.Kind;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.MemberReference;
import dev.faultline.domain.tracker.MuteRule;
import dev.faultline.domain.tracker.Role;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssueTriageTest {
    private final TrackerWorld world = new TrackerWorld();
    private UserId ada;
    private UserId stranger;
    private Application shop;
    private Issue issue;

    @BeforeEach
    void setUp() {
        ada = world.user();
        stranger = world.user();
        shop = world.application(ada, "Shop");
        world.application(stranger, "Stranger's");
        issue = world.issue(ada, shop, "npe");
    }

    private Issue stored() {
        return world.issues.findById(issue.id()).orElseThrow();
    }

    @Test
    void resolves_once_then_says_already_resolved() {
        ResolveIssue.Outcome first = world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), issue.id()));
        assertThat(first).isInstanceOf(ResolveIssue.Outcome.Resolved.class);
        assertThat(stored().status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), issue.id())))
                .isEqualTo(new ResolveIssue.Outcome.AlreadyResolved(stored()));
    }

    @Test
    void reopens_a_resolved_issue_but_not_an_open_one() {
        assertThat(world.reopenIssue.reopenIssue(new ReopenIssue.Command(Actor.person(ada), issue.id())))
                .isInstanceOf(ReopenIssue.Outcome.AlreadyUnresolved.class);
        world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), issue.id()));
        assertThat(world.reopenIssue.reopenIssue(new ReopenIssue.Command(Actor.person(ada), issue.id())))
                .isInstanceOf(ReopenIssue.Outcome.Reopened.class);
        assertThat(stored().status()).isEqualTo(IssueStatus.UNRESOLVED);
    }

    private java.util.List<IssueActivity> activity() {
        return world.activities.listByIssue(issue.id(), 100);
    }

    @Test
    void every_status_change_is_recorded_with_who_and_when_and_a_no_op_is_not() {
        ActivityActor byAda = new ActivityActor.Person(ada);
        java.time.Instant opened = world.clock.instant();
        world.clock.advance(Duration.ofMinutes(1));
        java.time.Instant resolved = world.clock.instant();
        world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), issue.id()));
        world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), issue.id()));
        world.clock.advance(Duration.ofMinutes(1));
        java.time.Instant reopened = world.clock.instant();
        world.reopenIssue.reopenIssue(new ReopenIssue.Command(Actor.person(ada), issue.id()));
        world.reopenIssue.reopenIssue(new ReopenIssue.Command(Actor.person(ada), issue.id()));
        world.clock.advance(Duration.ofMinutes(1));
        java.time.Instant muted = world.clock.instant();
        world.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(ada), issue.id(), new MuteRule.Forever()));
        world.clock.advance(Duration.ofMinutes(1));
        java.time.Instant unmuted = world.clock.instant();
        world.reopenIssue.reopenIssue(new ReopenIssue.Command(Actor.person(ada), issue.id()));

        assertThat(activity()).containsExactly(
                new IssueActivity(issue.id(), Kind.OPENED, byAda, opened,
                        Optional.of(world.events.listByIssue(issue.id(), Optional.empty(), 1).get(0).id())),
                new IssueActivity(issue.id(), Kind.RESOLVED, byAda, resolved, Optional.empty()),
                new IssueActivity(issue.id(), Kind.REOPENED, byAda, reopened, Optional.empty()),
                new IssueActivity(issue.id(), Kind.MUTED, byAda, muted, Optional.empty()),
                new IssueActivity(issue.id(), Kind.UNMUTED, byAda, unmuted, Optional.empty()));
        assertThat(stored().resolvedAt()).isEmpty();
    }

    @Test
    void resolving_keeps_when_so_that_an_older_event_does_not_regress() {
        world.clock.advance(Duration.ofMinutes(10));
        world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), issue.id()));
        assertThat(stored().resolvedAt()).contains(world.clock.instant());

        world.record(ada, shop, "npe", world.clock.instant().minusSeconds(60));
        assertThat(stored().status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(stored().eventCount()).isEqualTo(2);

        world.record(ada, shop, "npe", world.clock.instant());
        assertThat(stored().status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(activity()).extracting(IssueActivity::kind)
                .containsExactly(Kind.OPENED, Kind.RESOLVED, Kind.REGRESSED);
    }

    @Test
    void another_users_issue_is_not_found_and_untouched() {
        Issue before = stored();
        assertThat(world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(stranger), issue.id())))
                .isEqualTo(new ResolveIssue.Outcome.NotFound(issue.id()));
        assertThat(world.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(stranger), issue.id(), new MuteRule.Forever())))
                .isEqualTo(new MuteIssue.Outcome.NotFound(issue.id()));
        assertThat(world.assignIssue.assignIssue(AssignIssue.Command.toUser(Actor.person(stranger), issue.id(),
                Optional.of(stranger)))).isEqualTo(new AssignIssue.Outcome.NotFound(issue.id()));
        assertThat(world.getIssue.getIssue(new GetIssue.Command(Actor.person(stranger), issue.id())))
                .isEqualTo(new GetIssue.Outcome.NotFound(issue.id()));
        world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), issue.id()));
        assertThat(world.reopenIssue.reopenIssue(new ReopenIssue.Command(Actor.person(stranger), issue.id())))
                .isEqualTo(new ReopenIssue.Outcome.NotFound(issue.id()));
        assertThat(stored().assignee()).isEqualTo(before.assignee());
        IssueId unknown = IssueId.random();
        assertThat(world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), unknown)))
                .isEqualTo(new ResolveIssue.Outcome.NotFound(unknown));
    }

    @Test
    void mutes_until_a_time_and_the_mute_lapses_by_the_clock() {
        MuteIssue.Outcome outcome = world.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(ada), issue.id(),
                new MuteRule.UntilTime(world.clock.instant().plus(Duration.ofMinutes(30)))));
        assertThat(outcome).isInstanceOf(MuteIssue.Outcome.Muted.class);
        assertThat(details().issue().status()).isEqualTo(IssueStatus.MUTED);
        world.clock.advance(Duration.ofMinutes(30));
        assertThat(details().issue().status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(world.reopenIssue.reopenIssue(new ReopenIssue.Command(Actor.person(ada), issue.id())))
                .isInstanceOf(ReopenIssue.Outcome.AlreadyUnresolved.class);
    }

    @Test
    void muting_until_the_past_is_refused_and_changes_nothing() {
        var now = world.clock.instant();
        assertThat(world.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(ada), issue.id(),
                new MuteRule.UntilTime(now.minusSeconds(1)))))
                .isEqualTo(new MuteIssue.Outcome.UntilTimeNotInFuture(now.minusSeconds(1), now));
        assertThat(stored().status()).isEqualTo(IssueStatus.UNRESOLVED);
    }

    @Test
    void a_mute_for_more_events_ends_when_they_arrive() {
        world.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(ada), issue.id(), new MuteRule.UntilMoreEvents(2)));
        assertThat(stored().mute()).contains(new ActiveMute.UntilEventCount(3));
        world.issue(ada, shop, "npe");
        assertThat(stored().status()).isEqualTo(IssueStatus.MUTED);
        world.issue(ada, shop, "npe");
        assertThat(stored().status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(stored().eventCount()).isEqualTo(3);
    }

    @Test
    void assigns_only_members_and_unassigns() {
        User grace = world.userRecord();
        assertThat(world.assignIssue.assignIssue(AssignIssue.Command.toUser(Actor.person(ada), issue.id(), Optional.of(grace.id()))))
                .isEqualTo(new AssignIssue.Outcome.AssigneeNotAMember(MemberReference.to(grace.id())));
        assertThat(stored().assignee()).isEmpty();

        world.join(shop, ada, grace, Role.MEMBER);
        assertThat(world.assignIssue.assignIssue(AssignIssue.Command.toUser(Actor.person(ada), issue.id(), Optional.of(grace.id()))))
                .isInstanceOf(AssignIssue.Outcome.Assigned.class);
        assertThat(stored().assignee()).contains(grace.id());
        assertThat(world.assignIssue.assignIssue(AssignIssue.Command.toUser(Actor.person(grace.id()), issue.id(),
                Optional.of(grace.id())))).isInstanceOf(AssignIssue.Outcome.Unchanged.class);
        assertThat(world.assignIssue.assignIssue(AssignIssue.Command.toUser(Actor.person(grace.id()), issue.id(), Optional.empty())))
                .isInstanceOf(AssignIssue.Outcome.Unassigned.class);
        assertThat(stored().assignee()).isEmpty();
    }

    @Test
    void details_show_the_latest_event_recent_ids_and_notes() {
        for (int i = 1; i <= 12; i++) {
            world.clock.advance(Duration.ofSeconds(1));
            world.issue(ada, shop, "npe");
        }
        world.addNote.addNote(new dev.faultline.application.tracker.port.in.AddNote.Command(Actor.person(ada), issue.id(),
                "first look"));
        GetIssue.IssueDetails details = details();
        assertThat(details.issue().eventCount()).isEqualTo(13);
        assertThat(details.application()).isEqualTo(shop);
        assertThat(details.recentEventIds()).hasSize(GetIssue.RECENT_EVENTS);
        assertThat(details.latestEvent().orElseThrow().id()).isEqualTo(details.recentEventIds().get(0));
        assertThat(details.latestEvent().orElseThrow().occurredAt()).isEqualTo(world.clock.instant());
        assertThat(details.latestEvent().orElseThrow().frames()).isNotEmpty();
        assertThat(details.notes()).extracting(n -> n.body()).containsExactly("first look");
    }

    private GetIssue.IssueDetails details() {
        return ((GetIssue.Outcome.Found) world.getIssue.getIssue(new GetIssue.Command(Actor.person(ada), issue.id()))).details();
    }
}
