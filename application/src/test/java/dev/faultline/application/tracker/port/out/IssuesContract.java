package dev.faultline.application.tracker.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static dev.faultline.application.testing.Fixtures.application;
import static dev.faultline.application.testing.Fixtures.issue;
import static dev.faultline.application.testing.Fixtures.user;
import static dev.faultline.application.testing.Fixtures.withId;
import static dev.faultline.application.testing.Fixtures.withLevel;
import static dev.faultline.application.testing.Fixtures.withText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.account.User;
import dev.faultline.domain.tracker.ActiveMute;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueSort;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.MuteRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link Issues} adapter must do, including filtering, ordering and keyset positions. */
public abstract class IssuesContract {
    private static final Instant NOW = T0.plus(Duration.ofDays(1));

    protected abstract Issues issues();

    /** For the applications issues belong to and the users they are assigned to. */
    protected abstract Applications applications();

    protected abstract Users users();

    protected abstract Transactions transactions();

    private ApplicationId someApplication() {
        Application app = application();
        applications().add(app);
        return app.id();
    }

    private Issue stored(Issue issue) {
        assertThat(issues().add(issue)).isEqualTo(Issues.Insertion.ADDED);
        return issue;
    }

    private static Issues.Query query(ApplicationId app) {
        return new Issues.Query(Set.of(app), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                IssueSort.LAST_SEEN, Optional.empty(), 100, NOW);
    }

    private static Issues.Query withStatus(Issues.Query q, IssueStatus status) {
        return new Issues.Query(q.applications(), Optional.of(status), q.text(), q.lastSeenFrom(), q.lastSeenUntil(),
                q.sort(), q.after(), q.fetch(), q.now(), q.seen());
    }

    private static Issues.Query matching(Issues.Query q, String text) {
        return new Issues.Query(q.applications(), q.status(), Optional.of(text), q.lastSeenFrom(), q.lastSeenUntil(),
                q.sort(), q.after(), q.fetch(), q.now(), q.seen());
    }

    private static Issues.Query sorted(Issues.Query q, IssueSort sort, Optional<Issues.Query.Position> after, int fetch) {
        return new Issues.Query(q.applications(), q.status(), q.text(), q.lastSeenFrom(), q.lastSeenUntil(), sort,
                after, fetch, q.now(), q.seen());
    }

    private List<IssueId> ids(Issues.Query q) {
        return issues().list(q).stream().map(listed -> listed.issue().id()).toList();
    }

    @Test
    void finds_an_added_issue_exactly_as_stored() {
        ApplicationId app = someApplication();
        User grace = user();
        users().add(grace);
        Issue plain = stored(issue(app, "Plain", T0, T0.plusSeconds(1), 2));
        Issue muted = ((Issue.MuteOutcome.Muted) issue(app, "Muted", T0, T0, 3)
                .mute(new MuteRule.UntilTime(NOW.plusMillis(1500).plusNanos(123_000)), T0)).issue();
        muted = muted.assign(Optional.of(grace.id())).issue();
        stored(muted);
        assertThat(issues().findById(plain.id())).contains(plain);
        assertThat(issues().findById(muted.id())).contains(muted);
        assertThat(issues().findById(IssueId.random())).isEmpty();
    }

    @Test
    void a_fingerprint_is_unique_within_its_application() {
        ApplicationId app = someApplication();
        Issue first = stored(issue(app));
        Issue twin = new Issue(IssueId.random(), app, first.fingerprint(), "Twin", "A.b", "E", Level.ERROR,
                IssueStatus.UNRESOLVED, Optional.empty(), T0, T0, 1, Optional.empty());
        assertThat(issues().add(twin)).isEqualTo(Issues.Insertion.FINGERPRINT_TAKEN);
        assertThat(issues().findById(twin.id())).isEmpty();
        Issue elsewhere = new Issue(IssueId.random(), someApplication(), first.fingerprint(), "Twin", "A.b", "E",
                Level.ERROR, IssueStatus.UNRESOLVED, Optional.empty(), T0, T0, 1, Optional.empty());
        assertThat(issues().add(elsewhere)).isEqualTo(Issues.Insertion.ADDED);
    }

    @Test
    void locks_find_by_id_and_by_fingerprint_inside_a_unit_of_work() {
        ApplicationId app = someApplication();
        Issue issue = stored(issue(app));
        transactions().run(() -> {
            assertThat(issues().lockById(issue.id())).contains(issue);
            assertThat(issues().lockByFingerprint(app, issue.fingerprint())).contains(issue);
            assertThat(issues().lockByFingerprint(app, new Fingerprint("unknown-" + UUID.randomUUID()))).isEmpty();
            assertThat(issues().lockById(IssueId.random())).isEmpty();
        });
    }

    @Test
    void update_stores_the_changing_state_but_never_the_identity() {
        ApplicationId app = someApplication();
        User grace = user();
        users().add(grace);
        Issue issue = stored(issue(app, "Original", T0, T0, 1));
        Issue changed = new Issue(issue.id(), someApplication(), new Fingerprint("other"), "Changed title",
                "Other.culprit", "OtherType", Level.FATAL, IssueStatus.MUTED,
                Optional.of(new ActiveMute.UntilEventCount(12)), T0.minusSeconds(5), NOW, 7,
                Optional.of(grace.id()));
        issues().update(changed);
        Issue stored = issues().findById(issue.id()).orElseThrow();
        assertThat(stored.applicationId()).isEqualTo(app);
        assertThat(stored.fingerprint()).isEqualTo(issue.fingerprint());
        assertThat(stored.title()).isEqualTo("Original");
        assertThat(stored.level()).isEqualTo(Level.FATAL);
        assertThat(stored.status()).isEqualTo(IssueStatus.MUTED);
        assertThat(stored.mute()).contains(new ActiveMute.UntilEventCount(12));
        assertThat(stored.firstSeen()).isEqualTo(T0.minusSeconds(5));
        assertThat(stored.lastSeen()).isEqualTo(NOW);
        assertThat(stored.eventCount()).isEqualTo(7);
        assertThat(stored.assignee()).contains(grace.id());

        issues().update(stored.resolve(NOW).issue().assign(Optional.empty()).issue());
        Issue resolved = issues().findById(issue.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(resolved.mute()).isEmpty();
        assertThat(resolved.assignee()).isEmpty();
    }

    @Test
    void lists_only_issues_of_the_queried_applications() {
        ApplicationId shop = someApplication();
        ApplicationId blog = someApplication();
        ApplicationId other = someApplication();
        Issue inShop = stored(issue(shop));
        Issue inBlog = stored(issue(blog));
        stored(issue(other));
        Issues.Query both = new Issues.Query(Set.of(shop, blog), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), IssueSort.LAST_SEEN, Optional.empty(), 100, NOW);
        assertThat(ids(both)).containsExactlyInAnyOrder(inShop.id(), inBlog.id());
        assertThat(ids(query(shop))).containsExactly(inShop.id());
    }

    @Test
    void filters_by_the_status_as_seen_now() {
        ApplicationId app = someApplication();
        Issue open = stored(issue(app));
        Issue resolved = stored(issue(app).resolve(T0).issue());
        Issue mutedForever = stored(((Issue.MuteOutcome.Muted) issue(app).mute(new MuteRule.Forever(), T0)).issue());
        Issue mutedLapsed = stored(((Issue.MuteOutcome.Muted) issue(app)
                .mute(new MuteRule.UntilTime(NOW), T0)).issue());
        Issue mutedLater = stored(((Issue.MuteOutcome.Muted) issue(app)
                .mute(new MuteRule.UntilTime(NOW.plusSeconds(1)), T0)).issue());
        Issue mutedForEvents = stored(((Issue.MuteOutcome.Muted) issue(app)
                .mute(new MuteRule.UntilMoreEvents(5), T0)).issue());

        assertThat(ids(withStatus(query(app), IssueStatus.UNRESOLVED)))
                .containsExactlyInAnyOrder(open.id(), mutedLapsed.id());
        assertThat(ids(withStatus(query(app), IssueStatus.RESOLVED))).containsExactly(resolved.id());
        assertThat(ids(withStatus(query(app), IssueStatus.MUTED)))
                .containsExactlyInAnyOrder(mutedForever.id(), mutedLater.id(), mutedForEvents.id());
        assertThat(ids(query(app))).hasSize(6);
    }

    @Test
    void searches_title_culprit_and_exception_type_case_insensitively_and_literally() {
        ApplicationId app = someApplication();
        Issue byTitle = stored(withText(issue(app), "Checkout FAILED for 100% of carts", "A.b", "E1"));
        Issue byCulprit = stored(withText(issue(app), "Boom", "PaymentGateway.charge", "E2"));
        Issue byType = stored(withText(issue(app), "Bang", "C.d", "java.net.SocketTimeoutException"));
        Issue underscore = stored(withText(issue(app), "snake_case_name broke", "C.d", "E3"));

        assertThat(ids(matching(query(app), "failed"))).containsExactly(byTitle.id());
        assertThat(ids(matching(query(app), "paymentgateway"))).containsExactly(byCulprit.id());
        assertThat(ids(matching(query(app), "SOCKETTIMEOUT"))).containsExactly(byType.id());
        assertThat(ids(matching(query(app), "100%"))).containsExactly(byTitle.id());
        assertThat(ids(matching(query(app), "%"))).containsExactly(byTitle.id());
        assertThat(ids(matching(query(app), "e_c"))).containsExactly(underscore.id());
        assertThat(ids(matching(query(app), "nothing like this"))).isEmpty();

        Issue accented = stored(withText(issue(app), "Échec du paiement", "Caisse.payer", "E4"));
        Issue backslashed = stored(withText(issue(app), "Cannot open C:\\Temp\\cart.db", "C.d", "E5"));
        assertThat(ids(matching(query(app), "ÉCHEC DU"))).containsExactly(accented.id());
        assertThat(ids(matching(query(app), "échec"))).containsExactly(accented.id());
        assertThat(ids(matching(query(app), "c:\\temp\\CART"))).containsExactly(backslashed.id());
    }

    @Test
    void filters_last_seen_from_inclusive_until_exclusive() {
        ApplicationId app = someApplication();
        Issue early = stored(issue(app, "early", T0, T0.plusSeconds(10), 1));
        Issue middle = stored(issue(app, "middle", T0, T0.plusSeconds(20), 1));
        stored(issue(app, "late", T0, T0.plusSeconds(30), 1));
        Issues.Query q = query(app);
        Issues.Query window = new Issues.Query(q.applications(), q.status(), q.text(), Optional.of(T0.plusSeconds(10)),
                Optional.of(T0.plusSeconds(30)), q.sort(), q.after(), q.fetch(), q.now());
        assertThat(ids(window)).containsExactly(middle.id(), early.id());
    }

    @Test
    void sorts_descending_with_ties_broken_by_unsigned_id_descending() {
        ApplicationId app = someApplication();
        Issue low = stored(withId(issue(app, "low", T0, T0.plusSeconds(5), 3),
                UUID.fromString("10000000-0000-4000-8000-000000000000")));
        Issue high = stored(withId(issue(app, "high", T0, T0.plusSeconds(5), 3),
                UUID.fromString("f0000000-0000-4000-8000-000000000000")));
        Issue newest = stored(issue(app, "newest", T0.minusSeconds(9), T0.plusSeconds(9), 1));
        Issue oldest = stored(issue(app, "oldest", T0.plusSeconds(1), T0.plusSeconds(1), 50));

        assertThat(ids(sorted(query(app), IssueSort.LAST_SEEN, Optional.empty(), 100)))
                .containsExactly(newest.id(), high.id(), low.id(), oldest.id());
        assertThat(ids(sorted(query(app), IssueSort.FIRST_SEEN, Optional.empty(), 100)))
                .containsExactly(oldest.id(), high.id(), low.id(), newest.id());
        assertThat(ids(sorted(query(app), IssueSort.EVENT_COUNT, Optional.empty(), 100)))
                .containsExactly(oldest.id(), high.id(), low.id(), newest.id());
    }

    @Test
    void continues_strictly_after_a_keyset_position_without_gaps_or_repeats() {
        ApplicationId app = someApplication();
        for (int i = 0; i < 11; i++) {
            stored(issue(app, "issue " + i, T0.plusSeconds(i % 3), T0.plusSeconds(3 + i % 4), i % 2));
        }
        for (IssueSort sort : IssueSort.values()) {
            List<IssueId> all = ids(sorted(query(app), sort, Optional.empty(), 100));
            List<IssueId> paged = new ArrayList<>();
            Optional<Issues.Query.Position> after = Optional.empty();
            for (int page = 0; page < 10; page++) {
                List<Issue> issues = issues().list(sorted(query(app), sort, after, 3)).stream()
                        .map(Issues.Listed::issue).toList();
                assertThat(issues.size()).isLessThanOrEqualTo(3);
                issues.forEach(i -> paged.add(i.id()));
                if (issues.size() < 3) {
                    break;
                }
                Issue last = issues.get(issues.size() - 1);
                after = Optional.of(new Issues.Query.Position(sort.keyOf(last), last.id()));
            }
            assertThat(paged).as("paging by %s", sort).containsExactlyElementsOf(all).hasSize(11);
        }
    }

    /**
     * Several applications and every status in one list: one order across all of them, with equal keys in
     * different applications and statuses ordered by id, and pages that continue across them without gaps or
     * repeats, whatever the page size.
     */
    @Test
    void merges_applications_and_statuses_into_one_order_and_pages_through_it() {
        List<ApplicationId> apps = List.of(someApplication(), someApplication(), someApplication());
        List<Issue> stored = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ApplicationId app = apps.get(i % 3);
            // ids chosen so that the id order interleaves applications and statuses
            UUID id = UUID.fromString(String.format("%08x-0000-4000-8000-%012d", (i * 0x9E3779B1L) & 0xffffffffL, i));
            Issue issue = withId(issue(app, "issue " + i, T0.plusSeconds(i % 2), T0.plusSeconds(2 + i % 3), i % 4), id);
            Issue atStatus = switch (i % 4) {
                case 0 -> issue;
                case 1 -> issue.resolve(T0).issue();
                case 2 -> ((Issue.MuteOutcome.Muted) issue.mute(new MuteRule.Forever(), T0)).issue();
                default -> ((Issue.MuteOutcome.Muted) issue.mute(new MuteRule.UntilTime(NOW), T0)).issue();
            };
            stored.add(stored(atStatus));
        }
        Issues.Query everything = new Issues.Query(Set.copyOf(apps), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), IssueSort.LAST_SEEN, Optional.empty(), 100, NOW);
        List<Optional<IssueStatus>> statuses = List.of(Optional.empty(), Optional.of(IssueStatus.UNRESOLVED),
                Optional.of(IssueStatus.RESOLVED), Optional.of(IssueStatus.MUTED));
        // "issue" is in every title: the same lists again, read the way text queries are read
        List<Optional<String>> texts = List.of(Optional.empty(), Optional.of("issue"));
        for (IssueSort sort : IssueSort.values()) {
            for (Optional<IssueStatus> status : statuses) {
                List<IssueId> expected = stored.stream()
                        .filter(i -> status.isEmpty() || i.statusAt(NOW) == status.get())
                        .sorted(Comparator.comparingLong((Issue i) -> sort.keyOf(i))
                                .thenComparing(i -> i.id().value(), IssuesContract::unsignedCompare).reversed())
                        .map(Issue::id).toList();
                for (Optional<String> text : texts) {
                    Issues.Query byStatus = status.map(s -> withStatus(everything, s)).orElse(everything);
                    Issues.Query q = text.map(t -> matching(byStatus, t)).orElse(byStatus);
                    assertThat(ids(sorted(q, sort, Optional.empty(), 100))).as("%s %s by %s", status, text, sort)
                            .containsExactlyElementsOf(expected);
                    for (int size : List.of(1, 2, 5)) {
                        assertThat(pageThrough(q, sort, size))
                                .as("%s %s by %s in pages of %d", status, text, sort, size)
                                .containsExactlyElementsOf(expected);
                    }
                }
            }
        }
    }

    /**
     * A text search in every order, whether its matches are many among the issues, few and old, or in another
     * application only (PostgreSQL may walk V18's index in the list's order or read the trigram index's matches): the
     * same order and pages as filtering the whole list.
     */
    @Test
    void a_text_search_lists_and_pages_alike_whether_its_matches_are_recent_rare_or_elsewhere() {
        ApplicationId a = someApplication();
        ApplicationId b = someApplication();
        List<Issue> stored = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean inB = i % 3 == 0;
            String title = "crash " + i + (i % 2 == 0 ? " common" : "") + (i < 3 ? " rare" : "")
                    + (inB && i % 2 == 1 ? " only-b" : "");
            Issue issue = issue(inB ? b : a, title, T0.minusSeconds(i % 11), T0.plusSeconds(i / 2), i % 7);
            stored.add(stored(i % 5 == 0 ? issue.resolve(T0).issue() : issue));
        }
        for (Set<ApplicationId> scope : List.of(Set.of(a, b), Set.of(a), Set.of(b))) {
            for (String text : List.of("COMMON", "rare", "only-b", "crash", "absent")) {
                for (Optional<IssueStatus> status : List.of(Optional.<IssueStatus>empty(),
                        Optional.of(IssueStatus.UNRESOLVED))) {
                    for (IssueSort sort : IssueSort.values()) {
                        List<IssueId> expected = stored.stream()
                                .filter(i -> scope.contains(i.applicationId()))
                                .filter(i -> i.title().toLowerCase(java.util.Locale.ROOT)
                                        .contains(text.toLowerCase(java.util.Locale.ROOT)))
                                .filter(i -> status.isEmpty() || i.statusAt(NOW) == status.get())
                                .sorted(Comparator.comparingLong((Issue i) -> sort.keyOf(i))
                                        .thenComparing(i -> i.id().value(), IssuesContract::unsignedCompare).reversed())
                                .map(Issue::id).toList();
                        Issues.Query base = new Issues.Query(scope, status, Optional.of(text), Optional.empty(),
                                Optional.empty(), sort, Optional.empty(), 200, NOW);
                        String as = text + " in " + scope.size() + " application(s), " + status + ", by " + sort;
                        assertThat(ids(base)).as(as).containsExactlyElementsOf(expected);
                        for (int size : List.of(2, 5)) { // pageThrough reads at most 100 pages
                            assertThat(pageThrough(base, sort, size)).as(as + " in pages of " + size)
                                    .containsExactlyElementsOf(expected);
                        }
                    }
                }
            }
        }
    }

    private static Issues.Query ofLevel(Issues.Query q, Level level) {
        return new Issues.Query(q.applications(), q.status(), q.text(), q.lastSeenFrom(), q.lastSeenUntil(), q.sort(),
                q.after(), q.fetch(), q.now(), new Issues.Query.Seen(q.seen().release(), q.seen().environment(),
                        Optional.of(level), q.seen().openedOrRegressedSince()));
    }

    /**
     * A level filter across applications and statuses, alone and with a status, a text and last-seen bounds: only
     * issues of that level, in one order with ties broken by id, paged without gaps or repeats, in every sort.
     */
    @Test
    void filters_by_level_in_every_sort_and_pages_through_it() {
        List<ApplicationId> apps = List.of(someApplication(), someApplication());
        List<Issue> stored = new ArrayList<>();
        List<Level> levels = List.of(Level.ERROR, Level.FATAL, Level.WARNING);
        for (int i = 0; i < 30; i++) {
            // ids unlike every other case's, interleaving applications, statuses and levels in id order
            UUID id = UUID.fromString(String.format("%08x-0001-4000-8000-%012d", (i * 0x9E3779B1L) & 0xffffffffL, i));
            Issue issue = withLevel(withId(issue(apps.get(i % 2), "issue " + i, T0.plusSeconds(i % 2),
                    T0.plusSeconds(2 + i % 3), i % 4), id), levels.get(i % 3));
            Issue atStatus = switch (i % 5) {
                case 0, 1 -> issue;
                case 2 -> issue.resolve(T0).issue();
                case 3 -> ((Issue.MuteOutcome.Muted) issue.mute(new MuteRule.Forever(), T0)).issue();
                default -> ((Issue.MuteOutcome.Muted) issue.mute(new MuteRule.UntilTime(NOW), T0)).issue();
            };
            stored.add(stored(atStatus));
        }
        Issues.Query everything = new Issues.Query(Set.copyOf(apps), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), IssueSort.LAST_SEEN, Optional.empty(), 100, NOW);
        Issues.Query bounded = new Issues.Query(Set.copyOf(apps), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusSeconds(3)), Optional.of(T0.plusSeconds(4)), IssueSort.LAST_SEEN, Optional.empty(),
                100, NOW);
        for (Level level : List.of(Level.FATAL, Level.ERROR, Level.INFO)) {
            for (IssueSort sort : IssueSort.values()) {
                for (Optional<IssueStatus> status : List.of(Optional.<IssueStatus>empty(),
                        Optional.of(IssueStatus.UNRESOLVED), Optional.of(IssueStatus.MUTED))) {
                    for (Optional<String> text : List.of(Optional.<String>empty(), Optional.of("ISSUE 1"))) {
                        for (Issues.Query base : List.of(everything, bounded)) {
                            List<IssueId> expected = stored.stream()
                                    .filter(i -> i.level() == level)
                                    .filter(i -> status.isEmpty() || i.statusAt(NOW) == status.get())
                                    .filter(i -> text.isEmpty() || i.title().startsWith("issue 1"))
                                    .filter(i -> base.lastSeenFrom().isEmpty()
                                            || !i.lastSeen().isBefore(base.lastSeenFrom().get()))
                                    .filter(i -> base.lastSeenUntil().isEmpty()
                                            || i.lastSeen().isBefore(base.lastSeenUntil().get()))
                                    .sorted(Comparator.comparingLong((Issue i) -> sort.keyOf(i))
                                            .thenComparing(i -> i.id().value(),
                                            IssuesContract::unsignedCompare).reversed())
                                    .map(Issue::id).toList();
                            Issues.Query byStatus = status.map(s -> withStatus(base, s)).orElse(base);
                            Issues.Query q = ofLevel(text.map(t -> matching(byStatus, t)).orElse(byStatus), level);
                            String as = level + " " + status + " " + text + " " + base.lastSeenFrom() + " by " + sort;
                            assertThat(ids(sorted(q, sort, Optional.empty(), 100))).as(as)
                                    .containsExactlyElementsOf(expected);
                            for (int size : List.of(1, 3)) {
                                assertThat(pageThrough(q, sort, size)).as("%s in pages of %d", as, size)
                                        .containsExactlyElementsOf(expected);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void filters_hold_in_every_application_of_the_scope() {
        ApplicationId shop = someApplication();
        ApplicationId blog = someApplication();
        Issue shopTimeout = stored(withText(issue(shop), "Read timed out", "A.b", "java.net.SocketTimeoutException"));
        Issue blogTimeout = stored(withText(issue(blog), "Timeout talking to DB", "C.d", "E1"));
        stored(withText(issue(blog), "Boom", "C.d", "E2"));
        Issues.Query both = new Issues.Query(Set.of(shop, blog), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), IssueSort.EVENT_COUNT, Optional.empty(), 100, NOW);
        assertThat(ids(matching(both, "timeout"))).containsExactlyInAnyOrder(shopTimeout.id(), blogTimeout.id());
        assertThat(ids(withStatus(matching(both, "timeout"), IssueStatus.RESOLVED))).isEmpty();
    }

    /** A search text is found within one of title, culprit and exception type, never across two of them. */
    @Test
    void a_search_text_never_spans_two_fields() {
        ApplicationId app = someApplication();
        stored(withText(issue(app), "Boom", "A.b", "E1"));
        assertThat(ids(matching(query(app), "Boom\nA.b"))).isEmpty();
        assertThat(ids(matching(query(app), "BoomA.b"))).isEmpty();
        assertThat(ids(matching(query(app), "Boom A.b"))).isEmpty();
    }

    private List<IssueId> pageThrough(Issues.Query q, IssueSort sort, int size) {
        List<IssueId> paged = new ArrayList<>();
        Optional<Issues.Query.Position> after = Optional.empty();
        for (int page = 0; page < 100; page++) {
            List<Issue> issues = issues().list(sorted(q, sort, after, size)).stream()
                    .map(Issues.Listed::issue).toList();
            assertThat(issues.size()).isLessThanOrEqualTo(size);
            issues.forEach(i -> paged.add(i.id()));
            if (issues.size() < size) {
                break;
            }
            Issue last = issues.get(issues.size() - 1);
            after = Optional.of(new Issues.Query.Position(sort.keyOf(last), last.id()));
        }
        return paged;
    }

    /** PostgreSQL's uuid order: the 16 bytes compared as unsigned numbers. */
    private static int unsignedCompare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void concurrent_locked_updates_of_one_issue_are_never_lost() throws Exception {
        ApplicationId app = someApplication();
        Issue issue = stored(issue(app, "busy", T0, T0, 0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tasks.add(() -> {
                    transactions().run(() -> {
                        Issue current = issues().lockById(issue.id()).orElseThrow();
                        issues().update(new Issue(current.id(), current.applicationId(), current.fingerprint(),
                                current.title(), current.culprit(), current.exceptionType(), current.level(),
                                current.status(), current.mute(), current.firstSeen(), current.lastSeen(),
                                current.eventCount() + 1, current.assignee()));
                    });
                    return null;
                });
            }
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(issues().findById(issue.id()).orElseThrow().eventCount()).isEqualTo(40);
    }
}
