package dev.faultline.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.IssueId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache over a store the test changes by hand, telling the cache (or not) as a feed would. */
class IssueRevisionCacheTest {
    private final ApplicationId shop = ApplicationId.random();
    private final ApplicationId admin = ApplicationId.random();
    private final UserId alice = UserId.random();
    private final UserId bob = UserId.random();
    private final Map<IssueId, IssueRevisions.Revision> issues = new ConcurrentHashMap<>();
    private final Set<String> memberships = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reads = new AtomicInteger();
    /** Runs during a read of the store, after it has read and before the cache gets the answer. */
    private Runnable duringRead = () -> { };
    private final AtomicInteger announcements = new AtomicInteger();
    /** How long the store promises to announce a member's issue. */
    private Duration promise = Duration.ofMinutes(10);
    private final AtomicLong clock = new AtomicLong();
    private final IssueRevisions store = new IssueRevisions() {
        @Override
        public Optional<Revision> revision(IssueId issue, UserId reader) {
            reads.incrementAndGet();
            Optional<Revision> read = Optional.ofNullable(issues.get(issue))
                    .map(found -> new Revision(found.application(), found.number(),
                            memberships.contains(reader + "@" + found.application())));
            duringRead.run();
            return read;
        }

        @Override
        public Optional<Announced> announcedRevision(IssueId issue, UserId reader) {
            announcements.incrementAndGet();
            return revision(issue, reader).map(read -> new Announced(read,
                    read.readerIsMember() ? promise : Duration.ZERO));
        }
    };

    @Test
    void an_unchanged_issue_is_read_once_per_issue_and_person_then_answered_from_memory() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = connected(10);

        assertThat(cache.visibleRevision(issue, alice)).hasValue(7);
        assertThat(cache.visibleRevision(issue, alice)).hasValue(7);
        assertThat(cache.revision(issue, alice)).contains(new IssueRevisions.Revision(shop, 7, true));
        assertThat(reads).hasValue(1);
        assertThat(cache.holds(issue)).isTrue();
    }

    @Test
    void a_changed_issue_is_read_again() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = connected(10);
        cache.visibleRevision(issue, alice);

        issues.put(issue, new IssueRevisions.Revision(shop, 8, false));
        cache.issueChanged(issue);

        assertThat(cache.visibleRevision(issue, alice)).hasValue(8);
        assertThat(cache.appliedChanges()).isEqualTo(1);
    }

    @Test
    void a_person_who_is_not_a_member_is_read_every_time_and_a_membership_gained_shows_at_once() {
        IssueId issue = issue(shop, 7);
        IssueRevisionCache cache = connected(10);

        assertThat(cache.visibleRevision(issue, bob)).isEmpty();
        assertThat(cache.revision(issue, bob)).contains(new IssueRevisions.Revision(shop, 7, false));
        member(bob, shop);
        assertThat(cache.visibleRevision(issue, bob)).as("no news needed").hasValue(7);
        assertThat(reads).hasValue(3);
    }

    @Test
    void a_membership_taken_away_hides_the_issue_once_told_and_other_applications_stay_visible() {
        IssueId inShop = issue(shop, 1);
        IssueId inAdmin = issue(admin, 2);
        member(alice, shop);
        member(alice, admin);
        IssueRevisionCache cache = connected(10);
        cache.visibleRevision(inShop, alice);
        cache.visibleRevision(inAdmin, alice);
        assertThat(reads).hasValue(2);

        memberships.remove(alice + "@" + shop);
        cache.membershipsChanged(alice);

        assertThat(cache.visibleRevision(inShop, alice)).isEmpty();
        assertThat(cache.visibleRevision(inAdmin, alice)).hasValue(2);
        assertThat(cache.visibleRevision(inAdmin, alice)).hasValue(2);
        assertThat(reads).hasValue(4);
    }

    @Test
    void a_missing_issue_is_never_kept() {
        IssueRevisionCache cache = connected(10);
        IssueId missing = IssueId.random();

        assertThat(cache.visibleRevision(missing, alice)).isEqualTo(OptionalLong.empty());
        assertThat(cache.visibleRevision(missing, alice)).isEqualTo(OptionalLong.empty());
        assertThat(reads).hasValue(2);
    }

    @Test
    void until_connected_and_after_a_disconnect_every_question_reads_the_store() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = new IssueRevisionCache(store, 10, clock::get);

        cache.visibleRevision(issue, alice);
        cache.visibleRevision(issue, alice);
        assertThat(reads).hasValue(2);
        assertThat(cache.isLive()).isFalse();

        cache.connected();
        cache.visibleRevision(issue, alice);
        cache.disconnected();
        assertThat(cache.holds(issue)).isFalse();
        cache.visibleRevision(issue, alice);
        assertThat(reads).hasValue(4);
    }

    @Test
    void everything_changed_forgets_everything() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = connected(10);
        cache.visibleRevision(issue, alice);

        cache.everythingChanged();

        assertThat(cache.holds(issue)).isFalse();
        cache.visibleRevision(issue, alice);
        assertThat(reads).hasValue(2);
    }

    @Test
    void an_issue_change_told_while_its_read_is_in_flight_does_not_let_the_read_stay() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = connected(10);
        duringRead = () -> cache.issueChanged(issue);

        assertThat(cache.visibleRevision(issue, alice)).hasValue(7);

        assertThat(cache.holds(issue)).isFalse();
    }

    @Test
    void a_membership_change_told_while_a_read_is_in_flight_does_not_let_the_membership_stay() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = connected(10);
        duringRead = () -> cache.membershipsChanged(alice);
        cache.visibleRevision(issue, alice);
        duringRead = () -> { };

        cache.visibleRevision(issue, alice);

        assertThat(reads).as("the issue was kept, the membership was not").hasValue(2);
    }

    @Test
    void a_membership_taken_away_while_a_read_is_in_flight_is_not_brought_back_by_a_later_read() {
        IssueId inShop = issue(shop, 1);
        IssueId inAdmin = issue(admin, 2);
        member(alice, shop);
        member(alice, admin);
        IssueRevisionCache cache = connected(10);
        duringRead = () -> {
            duringRead = () -> { };
            memberships.remove(alice + "@" + shop);
            cache.membershipsChanged(alice);
            assertThat(cache.visibleRevision(inAdmin, alice)).as("asked after the change").hasValue(2);
        };

        assertThat(cache.visibleRevision(inShop, alice)).as("read before the change").hasValue(1);

        assertThat(cache.visibleRevision(inShop, alice)).isEmpty();
        assertThat(cache.visibleRevision(inAdmin, alice)).hasValue(2);
    }

    @Test
    void a_disconnect_while_a_read_is_in_flight_keeps_nothing() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = connected(10);
        duringRead = cache::disconnected;

        cache.visibleRevision(issue, alice);

        assertThat(cache.holds(issue)).isFalse();
    }

    @Test
    void capacity_zero_keeps_nothing_and_a_negative_capacity_is_refused() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = connected(0);

        cache.visibleRevision(issue, alice);
        cache.visibleRevision(issue, alice);

        assertThat(reads).hasValue(2);
        assertThat(cache.isLive()).isFalse();
        assertThatThrownBy(() -> new IssueRevisionCache(store, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not -1");
    }

    @Test
    void at_capacity_the_least_recently_asked_issue_goes_first() {
        member(alice, shop);
        IssueId first = issue(shop, 1);
        IssueId second = issue(shop, 2);
        IssueId third = issue(shop, 3);
        IssueRevisionCache cache = connected(2);
        cache.visibleRevision(first, alice);
        cache.visibleRevision(second, alice);
        cache.visibleRevision(first, alice);

        cache.visibleRevision(third, alice);

        assertThat(cache.holds(first)).isTrue();
        assertThat(cache.holds(second)).isFalse();
        assertThat(cache.holds(third)).isTrue();
    }

    @Test
    void an_issue_is_kept_only_while_the_store_has_promised_to_announce_it_less_a_margin() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = connected(10);
        cache.visibleRevision(issue, alice);
        Duration kept = promise.minus(IssueRevisionCache.MARGIN);

        clock.addAndGet(kept.toNanos() - 1);
        cache.visibleRevision(issue, alice);
        assertThat(reads).as("just before the end").hasValue(1);

        clock.addAndGet(1);
        cache.visibleRevision(issue, alice);
        assertThat(reads).as("at the end, read (and announced) again").hasValue(2);
        assertThat(announcements).hasValue(2);
    }

    @Test
    void however_long_the_promise_an_issue_is_read_again_after_the_longest_keep() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        promise = Duration.ofDays(365_000);
        IssueRevisionCache cache = connected(10);
        cache.visibleRevision(issue, alice);

        clock.addAndGet(IssueRevisionCache.LONGEST.minus(IssueRevisionCache.MARGIN).toNanos());
        cache.visibleRevision(issue, alice);

        assertThat(reads).hasValue(2);
    }

    @Test
    void a_promise_no_longer_than_the_margin_keeps_nothing() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        promise = IssueRevisionCache.MARGIN;
        IssueRevisionCache cache = connected(10);

        cache.visibleRevision(issue, alice);
        cache.visibleRevision(issue, alice);

        assertThat(reads).hasValue(2);
        assertThat(cache.holds(issue)).isFalse();
    }

    @Test
    void while_not_connected_nothing_is_announced() {
        IssueId issue = issue(shop, 7);
        member(alice, shop);
        IssueRevisionCache cache = new IssueRevisionCache(store, 10, clock::get);

        cache.visibleRevision(issue, alice);

        assertThat(announcements).hasValue(0);
        assertThat(reads).hasValue(1);
    }

    private IssueRevisionCache connected(int capacity) {
        IssueRevisionCache cache = new IssueRevisionCache(store, capacity, clock::get);
        cache.connected();
        return cache;
    }

    private IssueId issue(ApplicationId application, long revision) {
        IssueId id = IssueId.random();
        issues.put(id, new IssueRevisions.Revision(application, revision, false));
        return id;
    }

    private void member(UserId person, ApplicationId application) {
        memberships.add(person + "@" + application);
    }
}
