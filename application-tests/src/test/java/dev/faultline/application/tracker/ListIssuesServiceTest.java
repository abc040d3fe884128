package dev.faultline.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.tracker.port.in.ListEvents;
import dev.faultline.application.tracker.port.in.ListIssues.Command;
import dev.faultline.application.tracker.port.in.ListIssues.Outcome;
import dev.faultline.application.tracker.port.in.ListIssues;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueSort;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.MuteRule;
import dev.faultline.domain.tracker.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListIssuesServiceTest {
    private final TrackerWorld world = new TrackerWorld();
    private final Instant t0 = world.clock.instant();
    private UserId ada;
    private Application shop;
    private Application blog;
    private Application foreign;

    @BeforeEach
    void setUp() {
        ada = world.user();
        shop = world.application(ada, "Shop");
        blog = world.application(ada, "Blog");
        foreign = world.application(world.user(), "Someone else's");
    }

    private Outcome.Page page(Command command) {
        Outcome outcome = world.listIssues.listIssues(command);
        assertThat(outcome).isInstanceOf(Outcome.Page.class);
        return (Outcome.Page) outcome;
    }

    private List<IssueId> ids(Command command) {
        return page(command).issues().stream().map(Issue::id).toList();
    }

    private List<IssueId> allPages(Command first) {
        List<IssueId> seen = new ArrayList<>();
        Command command = first;
        for (int guard = 0; guard < 100; guard++) {
            Outcome.Page page = page(command);
            assertThat(page.issues().size()).isLessThanOrEqualTo(first.limit());
            page.issues().forEach(i -> seen.add(i.id()));
            if (page.nextCursor().isEmpty()) {
                return seen;
            }
            assertThat(page.issues()).hasSize(first.limit());
            command = first.after(page.nextCursor().get());
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void lists_issues_of_all_the_callers_applications_but_no_one_elses() {
        Issue inShop = world.issue(ada, shop, "a");
        Issue inBlog = world.issue(ada, blog, "b");
        UserId owner = world.memberships.listByApplication(foreign.id()).get(0).userId();
        world.issue(owner, foreign, "c");
        assertThat(ids(Command.firstPage(Actor.person(ada)))).containsExactlyInAnyOrder(inShop.id(), inBlog.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).inApplication(shop.id()))).containsExactly(inShop.id());
    }

    @Test
    void a_foreign_or_unknown_application_is_not_found() {
        assertThat(world.listIssues.listIssues(Command.firstPage(Actor.person(ada)).inApplication(foreign.id())))
                .isEqualTo(new Outcome.ApplicationNotFound(ApplicationReference.to(foreign.id())));
        ApplicationId unknown = ApplicationId.random();
        assertThat(world.listIssues.listIssues(Command.firstPage(Actor.person(ada)).inApplication(unknown)))
                .isEqualTo(new Outcome.ApplicationNotFound(ApplicationReference.to(unknown)));
    }

    @Test
    void a_user_without_applications_gets_an_empty_page() {
        assertThat(page(Command.firstPage(Actor.person(world.user())))).isEqualTo(new Outcome.Page(List.of(), Optional.empty()));
    }

    @Test
    void filters_by_status_as_seen_now_including_lapsed_mutes() {
        Issue open = world.issue(ada, shop, "open");
        Issue resolved = world.issue(ada, shop, "resolved");
        Issue muted = world.issue(ada, shop, "muted");
        world.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(ada), resolved.id()));
        world.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(ada), muted.id(),
                new MuteRule.UntilTime(t0.plus(Duration.ofHours(1)))));

        Command unresolved = Command.firstPage(Actor.person(ada)).withStatus(IssueStatus.UNRESOLVED);
        assertThat(ids(unresolved)).containsExactly(open.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).withStatus(IssueStatus.RESOLVED))).containsExactly(resolved.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).withStatus(IssueStatus.MUTED))).containsExactly(muted.id());

        world.clock.advance(Duration.ofHours(1));
        assertThat(ids(unresolved)).containsExactlyInAnyOrder(open.id(), muted.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).withStatus(IssueStatus.MUTED))).isEmpty();
        Issue shown = page(unresolved).issues().stream().filter(i -> i.id().equals(muted.id())).findFirst()
                .orElseThrow();
        assertThat(shown.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(shown.mute()).isEmpty();
    }

    @Test
    void searches_title_culprit_and_exception_type() {
        Issue npe = world.record(ada, shop, TrackerWorld.report("npe", "Cart is null", "CartService.total",
                "java.lang.NullPointerException", t0)).issue();
        Issue timeout = world.record(ada, shop, TrackerWorld.report("timeout", "Payment slow",
                "PaymentGateway.charge", "java.net.SocketTimeoutException", t0)).issue();
        assertThat(ids(Command.firstPage(Actor.person(ada)).matching("  CART "))).containsExactly(npe.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).matching("paymentgateway"))).containsExactly(timeout.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).matching("SocketTimeout"))).containsExactly(timeout.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).matching("java."))).hasSize(2);
        assertThat(ids(Command.firstPage(Actor.person(ada)).matching("%"))).isEmpty();
    }

    @Test
    void filters_last_seen_since_inclusive_until_exclusive() {
        Issue early = world.record(ada, shop, "early", t0.minusSeconds(300)).issue();
        Issue middle = world.record(ada, shop, "middle", t0.minusSeconds(200)).issue();
        world.record(ada, shop, "late", t0.minusSeconds(100));
        assertThat(ids(Command.firstPage(Actor.person(ada)).lastSeenBetween(Optional.of(t0.minusSeconds(300)),
                Optional.of(t0.minusSeconds(100))))).containsExactly(middle.id(), early.id());
        assertThatThrownBy(() -> Command.firstPage(Actor.person(ada)).lastSeenBetween(Optional.of(t0), Optional.of(t0)))
                .isInstanceOf(InvalidValue.class).extracting(e -> ((InvalidValue) e).field()).isEqualTo("until");
    }

    @Test
    void sorts_by_last_seen_first_seen_or_event_count() {
        Issue frequent = world.record(ada, shop, "frequent", t0.minusSeconds(500)).issue();
        for (int i = 0; i < 4; i++) {
            world.record(ada, shop, "frequent", t0.minusSeconds(400));
        }
        Issue recent = world.record(ada, shop, "recent", t0.minusSeconds(10)).issue();
        Issue young = world.record(ada, shop, "young", t0.minusSeconds(100)).issue();
        assertThat(ids(Command.firstPage(Actor.person(ada)))).containsExactly(recent.id(), young.id(), frequent.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).sortedBy(IssueSort.FIRST_SEEN)))
                .containsExactly(recent.id(), young.id(), frequent.id());
        assertThat(ids(Command.firstPage(Actor.person(ada)).sortedBy(IssueSort.EVENT_COUNT)).get(0)).isEqualTo(frequent.id());
    }

    @Test
    void pages_through_everything_without_duplicates_or_gaps_even_when_sort_keys_tie() {
        Set<IssueId> all = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            Application app = i % 2 == 0 ? shop : blog;
            all.add(world.record(ada, app, "fp-" + i, t0.minusSeconds(i % 3)).issue().id());
        }
        for (IssueSort sort : IssueSort.values()) {
            for (int limit : new int[] {1, 4, 23, 100}) {
                List<IssueId> seen = allPages(Command.firstPage(Actor.person(ada)).sortedBy(sort).limitedTo(limit));
                assertThat(seen).as("sort %s, limit %d", sort, limit).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(all);
                assertThat(seen).containsExactlyElementsOf(ids(Command.firstPage(Actor.person(ada)).sortedBy(sort).limitedTo(100)));
            }
        }
    }

    @Test
    void the_last_full_page_has_no_cursor_when_nothing_follows() {
        for (int i = 0; i < 4; i++) {
            world.issue(ada, shop, "fp-" + i);
        }
        Outcome.Page first = page(Command.firstPage(Actor.person(ada)).limitedTo(2));
        Outcome.Page second = page(Command.firstPage(Actor.person(ada)).limitedTo(2).after(first.nextCursor().orElseThrow()));
        assertThat(second.issues()).hasSize(2);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void garbled_edited_or_foreign_cursors_are_refused_precisely() {
        for (int i = 0; i < 3; i++) {
            world.issue(ada, shop, "fp-" + i);
        }
        Command first = Command.firstPage(Actor.person(ada)).limitedTo(1);
        String cursor = page(first).nextCursor().orElseThrow();

        assertThat(world.listIssues.listIssues(first.after("%%%not base64%%%")))
                .isEqualTo(new Outcome.InvalidCursor("cursor is not a Faultline cursor (not base64url text)"));
        assertThat(world.listIssues.listIssues(first.after("aGVsbG8"))).isInstanceOf(Outcome.InvalidCursor.class);

        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decoded.replaceFirst("\\.(\\d+)\\.", ".1$1.").getBytes(StandardCharsets.US_ASCII));
        assertThat(reason(first.after(edited))).contains("damaged or was edited");

        assertThat(reason(first.matching("fp").after(cursor))).contains("different query");
        assertThat(reason(first.sortedBy(IssueSort.EVENT_COUNT).after(cursor))).contains("different query");
        assertThat(reason(first.inApplication(shop.id()).after(cursor))).contains("different query");
        User grace = world.userRecord();
        world.join(shop, ada, grace, Role.MEMBER);
        assertThat(reason(Command.firstPage(Actor.person(grace.id())).limitedTo(1).after(cursor))).contains("different query");
        assertThat(page(first.limitedTo(5).after(cursor)).issues()).hasSize(2);

        Issue issue = world.issue(ada, shop, "fp-0");
        for (int i = 0; i < 2; i++) {
            world.issue(ada, shop, "fp-0");
        }
        String eventsCursor = ((ListEvents.Outcome.Page) world.listEvents.listEvents(
                new ListEvents.Command(Actor.person(ada), issue.id(), 1, Optional.empty()))).nextCursor().orElseThrow();
        assertThat(reason(first.after(eventsCursor))).contains("list of events, not of issues");
    }

    @Test
    void bad_list_input_is_refused_before_any_lookup() {
        assertThatThrownBy(() -> Command.firstPage(Actor.person(ada)).limitedTo(0)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> Command.firstPage(Actor.person(ada)).limitedTo(101)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Command.firstPage(Actor.person(ada)).matching("x".repeat(201))).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("query");
        assertThatThrownBy(() -> Command.firstPage(Actor.person(ada)).after("x".repeat(513))).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("cursor");
        assertThat(Command.firstPage(Actor.person(ada)).matching("   ").text()).isEmpty();
        assertThat(Command.firstPage(Actor.person(ada)).limit()).isEqualTo(25);
    }

    private String reason(Command command) {
        Outcome outcome = world.listIssues.listIssues(command);
        assertThat(outcome).isInstanceOf(ListIssues.Outcome.InvalidCursor.class);
        return ((Outcome.InvalidCursor) outcome).reason();
    }
}
