package dev.faultline.application.intake;

import static dev.faultline.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.intake.port.in.AuthenticateIngestKey.IngestSource;
import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.intake.port.out.IngestedEvents.IngestedEvent;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.application.storage.Storage;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.testing.Race;
import dev.faultline.application.tracker.port.in.RecordEvent.Effect;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.Grouping;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.intake.RetentionLimits;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.tracker.ActivityActor;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueActivity.Kind;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.domain.tracker.IssueSort;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.MuteRule;
import dev.faultline.domain.tracker.Platform;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What storing ingested events must do on every storage backend: the ingest use case on the backend's
 * repositories (duplicates, grouping, lifecycle, activity, tallies), concurrent ingests, and retention at its edges.
 * Each test looks only at the application it created, since retention runs over the whole store.
 */
public abstract class IngestStorageContract {
    protected abstract Storage storage();

    private IngestEventService ingest;
    private Application app;
    private IngestSource source;

    @BeforeEach
    void wire() {
        StorageIngest into = StorageIngest.on(storage());
        ingest = into.ingest();
        app = into.app();
        source = into.source();
    }

    private static SdkEventId sdkId() {
        return new SdkEventId(UUID.randomUUID().toString().replace("-", ""));
    }

    /** A Java NPE thrown in {@code demo.Main.function}; the function decides the issue. */
    private static SdkEvent crash(String function, Instant at) {
        return crash(sdkId(), function, at, "1.0.0", "production");
    }

    private static SdkEvent crash(SdkEventId id, String function, Instant at, String release, String environment) {
        Frame frame = new Frame(Optional.of("demo.Main"), Optional.empty(), Optional.of("Main.java"),
                Optional.of(function), Optional.empty(), OptionalInt.of(42), OptionalInt.empty(),
                InApp.YES, Optional.of("cart.items.size();"), new TreeMap<>());
        return SdkEvent.builder(id, at)
                .platform(new Platform("java"))
                .exceptions(List.of(new ExceptionValue(Optional.of("NullPointerException"),
                        Optional.of("cart is null"), Optional.of("java.lang"), false, Optional.empty(),
                        Optional.of(new Stacktrace(List.of(frame))))))
                .release(release)
                .environment(environment)
                .tags(Map.of("browser", "firefox"))
                .user(new AffectedUser(Optional.of("u-1"), Optional.empty(), Optional.empty()))
                .build();
    }

    private IngestEvent.Outcome.Stored stored(SdkEvent event) {
        return (IngestEvent.Outcome.Stored) ingest.ingest(new IngestEvent.Command(source, event, event.timestamp()));
    }

    private Issue issue(IssueId id) {
        return storage().issues().findById(id).orElseThrow();
    }

    private List<Kind> activityKinds(IssueId id) {
        return storage().issueActivities().listByIssue(id, 100).stream().map(IssueActivity::kind).toList();
    }

    private List<EventId> eventsOf(IssueId id) {
        return storage().events().listByIssue(id, Optional.empty(), 1000).stream().map(Event::id).toList();
    }

    @Test
    void an_event_opens_an_issue_keeps_its_document_and_explains_the_grouping() {
        SdkEvent event = crash("checkout", T0);
        IngestEvent.Outcome.Stored outcome = stored(event);

        assertThat(outcome.effect()).isEqualTo(Effect.OPENED_ISSUE);
        Issue issue = issue(outcome.issueId());
        assertThat(issue.eventCount()).isEqualTo(1);
        assertThat(issue.title()).isEqualTo("NullPointerException: cart is null");
        assertThat(storage().ingestedEvents().findBySdkEventId(app.id(), event.eventId()))
                .contains(new IngestedEvent(outcome.eventId(), app.id(), event, T0));
        assertThat(storage().ingestedEvents().findByEventId(outcome.eventId()).orElseThrow().document())
                .isEqualTo(event);
        Event tracked = storage().events().findById(outcome.eventId()).orElseThrow();
        assertThat(tracked.exceptionType()).isEqualTo("NullPointerException");
        assertThat(tracked.release()).contains("1.0.0");
        assertThat(tracked.frames()).singleElement().satisfies(f -> assertThat(f.inApp()).isTrue());
        IssueGroupings.Explanation why = storage().issueGroupings().find(issue.id()).orElseThrow();
        assertThat(why.version()).isEqualTo(1);
        assertThat(why.canonicalText()).isEqualTo("faultline-grouping:1\nexception\ntype:NullPointerException\n"
                + "frame:demo.Main|checkout");
        assertThat(storage().issueActivities().listByIssue(issue.id(), 10)).containsExactly(new IssueActivity(
                issue.id(), Kind.OPENED, new ActivityActor.Ingest(), T0, Optional.of(outcome.eventId())));
    }

    @Test
    void a_resent_event_id_is_a_duplicate_that_changes_nothing() {
        SdkEvent event = crash("checkout", T0);
        IngestEvent.Outcome.Stored first = stored(event);

        IngestEvent.Outcome again = ingest.ingest(new IngestEvent.Command(source, event, T0.plusSeconds(5)));

        assertThat(again).isEqualTo(new IngestEvent.Outcome.Duplicate(first.eventId()));
        assertThat(issue(first.issueId()).eventCount()).isEqualTo(1);
        assertThat(eventsOf(first.issueId())).containsExactly(first.eventId());
    }

    @Test
    void the_same_event_id_in_another_application_is_a_new_event() {
        SdkEvent event = crash("checkout", T0);
        stored(event);
        Application other = Fixtures.application();
        storage().applications().add(other);
        IngestEvent.Outcome outcome = ingest.ingest(new IngestEvent.Command(
                new IngestSource(other.id(), IngestKeyId.random(), new Platform("java"), OptionalInt.empty()),
                event, T0));
        assertThat(outcome).isInstanceOf(IngestEvent.Outcome.Stored.class);
    }

    @Test
    void an_unknown_application_stores_nothing() {
        Application gone = Fixtures.application();
        SdkEvent event = crash("checkout", T0);
        IngestEvent.Outcome outcome = ingest.ingest(new IngestEvent.Command(
                new IngestSource(gone.id(), IngestKeyId.random(), new Platform("java"), OptionalInt.empty()),
                event, T0));
        assertThat(outcome).isEqualTo(new IngestEvent.Outcome.ApplicationGone(gone.id()));
        assertThat(storage().ingestedEvents().findBySdkEventId(gone.id(), event.eventId())).isEmpty();
    }

    @Test
    void an_event_from_before_the_resolution_is_counted_but_does_not_regress() {
        IssueId id = stored(crash("checkout", T0)).issueId();
        Instant resolvedAt = T0.plus(Duration.ofMinutes(10));
        storage().issues().update(issue(id).resolve(resolvedAt).issue());

        IngestEvent.Outcome.Stored late = stored(crash("checkout", resolvedAt.minusNanos(1000)));
        assertThat(late.effect()).isEqualTo(Effect.COUNTED);
        assertThat(issue(id).status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(issue(id).resolvedAt()).contains(resolvedAt);
        assertThat(issue(id).eventCount()).isEqualTo(2);

        IngestEvent.Outcome.Stored after = stored(crash("checkout", resolvedAt));
        assertThat(after.effect()).isEqualTo(Effect.REGRESSED);
        assertThat(issue(id).status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(issue(id).resolvedAt()).isEmpty();
        assertThat(activityKinds(id)).containsExactly(Kind.OPENED, Kind.REGRESSED);
        assertThat(storage().issueActivities().listByIssue(id, 10).get(1).eventId()).contains(after.eventId());
    }

    @Test
    void a_mute_until_more_events_ends_on_ingest_and_says_so() {
        IssueId id = stored(crash("checkout", T0)).issueId();
        storage().issues().update(((Issue.MuteOutcome.Muted) issue(id).mute(new MuteRule.UntilMoreEvents(2),
                T0.plusSeconds(1))).issue());

        assertThat(stored(crash("checkout", T0.plusSeconds(2))).effect()).isEqualTo(Effect.COUNTED_WHILE_MUTED);
        assertThat(stored(crash("checkout", T0.plusSeconds(3))).effect()).isEqualTo(Effect.ENDED_MUTE);
        assertThat(issue(id).status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(activityKinds(id)).containsExactly(Kind.OPENED, Kind.UNMUTED);
    }

    @Test
    void a_mute_until_a_time_ends_with_the_first_event_after_it() {
        IssueId id = stored(crash("checkout", T0)).issueId();
        Instant until = T0.plus(Duration.ofHours(1));
        storage().issues().update(((Issue.MuteOutcome.Muted) issue(id).mute(new MuteRule.UntilTime(until),
                T0.plusSeconds(1))).issue());

        assertThat(stored(crash("checkout", until.minusNanos(1000))).effect()).isEqualTo(Effect.COUNTED_WHILE_MUTED);
        assertThat(activityKinds(id)).containsExactly(Kind.OPENED);
        IngestEvent.Outcome.Stored ending = stored(crash("checkout", until));
        assertThat(ending.effect()).isEqualTo(Effect.ENDED_MUTE);
        assertThat(issue(id).status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(storage().issueActivities().listByIssue(id, 10).get(1)).isEqualTo(new IssueActivity(id,
                Kind.UNMUTED, new ActivityActor.Ingest(), until, Optional.of(ending.eventId())));
    }

    @Test
    void counts_per_release_environment_and_day() {
        Instant day2 = T0.plus(Duration.ofDays(1));
        IssueId id = stored(crash(sdkId(), "checkout", T0, "1.0.0", "production")).issueId();
        stored(crash(sdkId(), "checkout", T0.plusSeconds(60), "1.0.0", "staging"));
        stored(crash(sdkId(), "checkout", day2, "1.1.0", "production"));

        assertThat(storage().issueTallies().releases(id)).containsExactly(
                new IssueTallies.Tally("1.1.0", day2, day2, 1),
                new IssueTallies.Tally("1.0.0", T0, T0.plusSeconds(60), 2));
        assertThat(storage().issueTallies().environments(id)).containsExactly(
                new IssueTallies.Tally("production", T0, day2, 2),
                new IssueTallies.Tally("staging", T0.plusSeconds(60), T0.plusSeconds(60), 1));
        LocalDate first = LocalDate.parse("2026-11-23");
        assertThat(storage().issueTallies().dailyCounts(id, first.minusDays(13), first.plusDays(1))).containsExactly(
                new IssueTallies.DailyCount(first, 2), new IssueTallies.DailyCount(first.plusDays(1), 1));
        assertThat(storage().issueTallies().dailyCounts(id, first.plusDays(1), first.plusDays(1))).containsExactly(
                new IssueTallies.DailyCount(first.plusDays(1), 1));
    }

    @Test
    void the_same_event_id_sent_at_once_is_stored_once() throws Exception {
        SdkEvent event = crash("checkout", T0);
        ConcurrentLinkedQueue<IngestEvent.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Race.concurrently(4, i -> outcomes.add(ingest.ingest(new IngestEvent.Command(source, event, T0))));

        List<IngestEvent.Outcome.Stored> stored = outcomes.stream()
                .filter(IngestEvent.Outcome.Stored.class::isInstance).map(IngestEvent.Outcome.Stored.class::cast)
                .toList();
        assertThat(stored).hasSize(1);
        assertThat(outcomes).hasSize(4).filteredOn(IngestEvent.Outcome.Duplicate.class::isInstance)
                .containsOnly(new IngestEvent.Outcome.Duplicate(stored.get(0).eventId())).hasSize(3);
        assertThat(issue(stored.get(0).issueId()).eventCount()).isEqualTo(1);
    }

    @Test
    void events_of_a_new_fingerprint_sent_at_once_open_one_issue_and_all_count() throws Exception {
        ConcurrentLinkedQueue<IngestEvent.Outcome.Stored> outcomes = new ConcurrentLinkedQueue<>();
        Race.concurrently(4, i -> outcomes.add(stored(crash("raced", T0.plusSeconds(i)))));

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.stream().map(IngestEvent.Outcome.Stored::issueId).distinct()).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.effect() == Effect.OPENED_ISSUE)).hasSize(1);
        IssueId id = outcomes.peek().issueId();
        assertThat(issue(id).eventCount()).isEqualTo(4);
        assertThat(eventsOf(id)).hasSize(4);
        assertThat(activityKinds(id)).containsExactly(Kind.OPENED);
        assertThat(storage().issueTallies().releases(id)).singleElement()
                .satisfies(t -> assertThat(t.eventCount()).isEqualTo(4));
    }

    /** e1 .. eN of one issue, a minute apart from T0 + 1 min. */
    private List<IngestEvent.Outcome.Stored> series(String function, int n) {
        return series(function, n, T0);
    }

    private List<IngestEvent.Outcome.Stored> series(String function, int n, Instant start) {
        List<IngestEvent.Outcome.Stored> events = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            events.add(stored(crash(function, start.plus(Duration.ofMinutes(i)))));
        }
        return events;
    }

    private static List<EventId> ids(List<IngestEvent.Outcome.Stored> events, int... oneBased) {
        List<EventId> ids = new ArrayList<>();
        for (int i : oneBased) {
            ids.add(events.get(i - 1).eventId());
        }
        return ids;
    }

    private static final Instant SOON = T0.plus(Duration.ofDays(1));

    @Test
    void an_application_at_its_cap_keeps_every_event() {
        List<IngestEvent.Outcome.Stored> e = series("capped", 4);
        storage().eventRetention().deleteExpendable(new RetentionLimits(4, Duration.ofDays(90)), SOON, 100);
        assertThat(eventsOf(e.get(0).issueId())).containsExactlyInAnyOrderElementsOf(ids(e, 1, 2, 3, 4));
    }

    @Test
    void one_over_the_cap_loses_its_oldest_unprotected_event_and_keeps_its_counters() {
        List<IngestEvent.Outcome.Stored> e = series("capped", 5);
        IssueId id = e.get(0).issueId();
        storage().eventRetention().deleteExpendable(new RetentionLimits(4, Duration.ofDays(90)), SOON, 100);

        assertThat(eventsOf(id)).containsExactlyInAnyOrderElementsOf(ids(e, 1, 3, 4, 5));
        assertThat(storage().ingestedEvents().findByEventId(e.get(1).eventId())).isEmpty();
        assertThat(storage().ingestedEvents().findByEventId(e.get(2).eventId())).isPresent();
        assertThat(issue(id).eventCount()).isEqualTo(5);
        assertThat(storage().issueTallies().releases(id)).singleElement()
                .satisfies(t -> assertThat(t.eventCount()).isEqualTo(5));
        storage().eventRetention().deleteExpendable(new RetentionLimits(4, Duration.ofDays(90)), SOON, 100);
        assertThat(eventsOf(id)).hasSize(4);
    }

    @Test
    void old_events_go_but_first_latest_and_turning_points_stay() {
        List<IngestEvent.Outcome.Stored> e = new ArrayList<>(series("aged", 3));
        IssueId id = e.get(0).issueId();
        storage().issues().update(issue(id).resolve(T0.plus(Duration.ofMinutes(4))).issue());
        e.add(stored(crash("aged", T0.plus(Duration.ofMinutes(5)))));
        e.add(stored(crash("aged", T0.plus(Duration.ofMinutes(6)))));
        e.add(stored(crash("aged", T0.plus(Duration.ofMinutes(7)))));
        assertThat(e.get(3).effect()).isEqualTo(Effect.REGRESSED);

        storage().eventRetention().deleteExpendable(new RetentionLimits(10_000, Duration.ofDays(1)),
                T0.plus(Duration.ofDays(10)), 100);

        assertThat(eventsOf(id)).containsExactlyInAnyOrderElementsOf(ids(e, 1, 4, 6));
        assertThat(issue(id).eventCount()).isEqualTo(6);
    }

    @Test
    void events_younger_than_the_maximum_age_stay() {
        List<IngestEvent.Outcome.Stored> e = series("young", 3);
        Instant now = T0.plus(Duration.ofMinutes(2)).plus(Duration.ofDays(1));
        storage().eventRetention().deleteExpendable(new RetentionLimits(10_000, Duration.ofDays(1)), now, 100);
        assertThat(eventsOf(e.get(0).issueId())).containsExactlyInAnyOrderElementsOf(ids(e, 1, 2, 3));
        storage().eventRetention().deleteExpendable(new RetentionLimits(10_000, Duration.ofDays(1)),
                now.plusNanos(1000), 100);
        assertThat(eventsOf(e.get(0).issueId())).containsExactlyInAnyOrderElementsOf(ids(e, 1, 3));
    }

    /** Older than any other test's events, so that the store-wide oldest-first batch starts here. */
    @Test
    void a_batch_deletes_at_most_its_limit_oldest_first() {
        List<IngestEvent.Outcome.Stored> e = series("batched", 6, T0.minus(Duration.ofDays(365)));
        IssueId id = e.get(0).issueId();
        storage().eventRetention().deleteExpendable(new RetentionLimits(2, Duration.ofDays(90)), SOON, 1);
        assertThat(eventsOf(id)).containsExactlyInAnyOrderElementsOf(ids(e, 1, 3, 4, 5, 6));
    }

    @Test
    void activity_keeps_every_kind_of_actor_in_the_order_added_per_issue() {
        IssueId id = stored(crash("timeline", T0)).issueId();
        IssueId other = stored(crash("elsewhere", T0)).issueId();
        UserId ada = UserId.random();
        List<IssueActivity> added = List.of(
                new IssueActivity(id, Kind.RESOLVED, new ActivityActor.Person(ada), T0.plusSeconds(10),
                        Optional.empty()),
                new IssueActivity(id, Kind.REOPENED, new ActivityActor.System(), T0.plusSeconds(5), Optional.empty()),
                new IssueActivity(id, Kind.MUTED, new ActivityActor.Person(ada), T0.plusSeconds(5), Optional.empty()));
        added.forEach(storage().issueActivities()::add);

        List<IssueActivity> timeline = storage().issueActivities().listByIssue(id, 100);
        assertThat(timeline).hasSize(4);
        assertThat(timeline.subList(1, 4)).containsExactlyElementsOf(added);
        assertThat(storage().issueActivities().listByIssue(id, 2)).containsExactlyElementsOf(timeline.subList(0, 2));
        assertThat(storage().issueActivities().listByIssue(other, 100)).extracting(IssueActivity::kind)
                .containsExactly(Kind.OPENED);
        assertThat(storage().issueActivities().listByIssue(IssueId.random(), 100)).isEmpty();
    }

    @Test
    void an_issue_keeps_its_first_grouping_and_an_issue_opened_without_one_has_none() {
        IssueId id = stored(crash("grouped", T0)).issueId();
        IssueGroupings.Explanation first = storage().issueGroupings().find(id).orElseThrow();
        Grouping other = new Grouping(1, "faultline-grouping:1\nfingerprint:other", new Fingerprint("other"), "T",
                "C");
        storage().issueGroupings().add(id, other);
        assertThat(storage().issueGroupings().find(id)).contains(first);

        Issue unexplained = Fixtures.issue(app.id());
        storage().issues().add(unexplained);
        assertThat(storage().issueGroupings().find(unexplained.id())).isEmpty();
    }

    @Test
    void a_long_canonical_text_is_kept_cut_to_the_explanation_limit() {
        String huge = "faultline-grouping:1\n" + "fingerprint:x\n".repeat(1000);
        Grouping grouping = new Grouping(1, huge, new Fingerprint("huge"), "T", "C");
        Issue issue = Fixtures.issue(app.id());
        storage().issues().add(issue);
        storage().issueGroupings().add(issue.id(), grouping);

        String kept = storage().issueGroupings().find(issue.id()).orElseThrow().canonicalText();
        assertThat(kept).hasSize(Grouping.MAX_EXPLANATION_LENGTH).endsWith("…")
                .startsWith(huge.substring(0, Grouping.MAX_EXPLANATION_LENGTH - 1));
    }

    @Test
    void tallies_seen_at_the_same_moment_list_by_value() {
        IssueId id = stored(crash(sdkId(), "tied", T0, "b-release", "production")).issueId();
        stored(crash(sdkId(), "tied", T0, "a-release", "production"));
        assertThat(storage().issueTallies().releases(id)).extracting(IssueTallies.Tally::value)
                .containsExactly("a-release", "b-release");
        assertThat(storage().issueTallies().releases(IssueId.random())).isEmpty();
        assertThat(storage().issueTallies().dailyCounts(id, LocalDate.parse("2026-11-24"),
                LocalDate.parse("2026-12-24"))).isEmpty();
    }

    @Test
    void an_unknown_sdk_event_id_has_no_document() {
        assertThat(storage().ingestedEvents().findBySdkEventId(app.id(), sdkId())).isEmpty();
        assertThat(storage().ingestedEvents().findByEventId(EventId.random())).isEmpty();
    }

    private List<IssueId> listed(Issues.Query.Seen seen) {
        return storage().issues().list(new Issues.Query(java.util.Set.of(app.id()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), dev.faultline.domain.tracker.IssueSort.LAST_SEEN,
                Optional.empty(), 100, T0.plus(Duration.ofDays(30)), seen)).stream()
                .map(listed -> listed.issue().id()).toList();
    }

    private List<IssueId> listed(Optional<IssueStatus> status, IssueSort sort, Optional<String> release,
            Optional<String> environment) {
        return listed(status, sort, release, environment, Optional.empty(), 100);
    }

    private List<IssueId> listed(Optional<IssueStatus> status, IssueSort sort, Optional<String> release,
            Optional<String> environment, Optional<Issues.Query.Position> after, int fetch) {
        return storage().issues().list(new Issues.Query(java.util.Set.of(app.id()), status, Optional.empty(),
                Optional.empty(), Optional.empty(), sort, after, fetch, T0.plus(Duration.ofDays(30)),
                new Issues.Query.Seen(release, environment, Optional.empty(), Optional.empty())))
                .stream().map(listed -> listed.issue().id()).toList();
    }

    /** Where a page ending at {@code issue} continues from, in the list's own order (the tally's key there). */
    private Issues.Query.Position positionOf(IssueId issue, IssueSort sort, Optional<String> release,
            Optional<String> environment) {
        Issues.Listed listed = listedThere(Optional.empty(), sort, release, environment, Optional.empty(),
                Optional.empty(), 100).stream().filter(l -> l.issue().id().equals(issue)).findFirst().orElseThrow();
        return new Issues.Query.Position(listed.keyOf(sort), issue);
    }

    @Test
    void release_and_environment_lists_follow_every_change_of_status_order_and_count() {
        Optional<String> v1 = Optional.of("1.0.0");
        Optional<String> v2 = Optional.of("2.0.0");
        Optional<String> production = Optional.of("production");
        Optional<IssueStatus> any = Optional.empty();
        Optional<IssueStatus> unresolved = Optional.of(IssueStatus.UNRESOLVED);
        Optional<String> none = Optional.empty();
        IssueId a = stored(crash(sdkId(), "alpha", T0, "1.0.0", "production")).issueId();
        IssueId b = stored(crash(sdkId(), "beta", T0.plusSeconds(10), "1.0.0", "production")).issueId();
        stored(crash(sdkId(), "alpha", T0.plusSeconds(20), "2.0.0", "staging"));
        assertThat(listed(any, IssueSort.LAST_SEEN, v1, none)).as("an event in another release moves nothing here")
                .containsExactly(b, a);
        assertThat(listed(any, IssueSort.LAST_SEEN, none, Optional.of("staging"))).containsExactly(a);
        assertThat(listed(any, IssueSort.EVENT_COUNT, v2, none)).containsExactly(a);
        assertThat(listed(any, IssueSort.FIRST_SEEN, v2, none)).as("a new release of an old issue").containsExactly(a);

        stored(crash(sdkId(), "beta", T0.plusSeconds(30), "1.0.0", "production"));
        stored(crash(sdkId(), "beta", T0.plusSeconds(31), "1.0.0", "production"));
        assertThat(listed(any, IssueSort.EVENT_COUNT, v1, none)).containsExactly(b, a);
        assertThat(listed(any, IssueSort.EVENT_COUNT, none, production)).containsExactly(b, a);
        assertThat(listed(any, IssueSort.FIRST_SEEN, v1, none)).containsExactly(b, a);
        assertThat(listed(any, IssueSort.EVENT_COUNT, v1, none,
                Optional.of(positionOf(b, IssueSort.EVENT_COUNT, v1, none)), 1))
                .as("the next page after b").containsExactly(a);
        assertThat(listed(any, IssueSort.LAST_SEEN, none, production,
                Optional.of(positionOf(b, IssueSort.LAST_SEEN, none, production)), 1))
                .containsExactly(a);

        storage().issues().update(issue(b).resolve(T0.plusSeconds(40)).issue());
        assertThat(listed(unresolved, IssueSort.LAST_SEEN, none, production)).containsExactly(a);
        assertThat(listed(Optional.of(IssueStatus.RESOLVED), IssueSort.EVENT_COUNT, v1, production))
                .containsExactly(b);

        assertThat(stored(crash(sdkId(), "beta", T0.plusSeconds(50), "3.0.0", "production")).effect())
                .isEqualTo(Effect.REGRESSED);
        assertThat(listed(unresolved, IssueSort.LAST_SEEN, none, production)).containsExactly(b, a);
        assertThat(listed(Optional.of(IssueStatus.RESOLVED), IssueSort.LAST_SEEN, none, production)).isEmpty();
        assertThat(listed(unresolved, IssueSort.FIRST_SEEN, Optional.of("3.0.0"), none)).containsExactly(b);

        storage().issues().update(((Issue.MuteOutcome.Muted) issue(a).mute(new MuteRule.UntilMoreEvents(1),
                T0.plusSeconds(55))).issue());
        assertThat(listed(Optional.of(IssueStatus.MUTED), IssueSort.LAST_SEEN, v2, none)).containsExactly(a);
        assertThat(listed(unresolved, IssueSort.EVENT_COUNT, v1, none)).containsExactly(b);
        assertThat(stored(crash(sdkId(), "alpha", T0.plusSeconds(60), "1.0.0", "production")).effect())
                .isEqualTo(Effect.ENDED_MUTE);
        assertThat(listed(Optional.of(IssueStatus.MUTED), IssueSort.LAST_SEEN, v2, none)).isEmpty();
        assertThat(listed(unresolved, IssueSort.LAST_SEEN, v2, none)).containsExactly(a);

        Instant until = T0.plus(Duration.ofDays(1));
        storage().issues().update(((Issue.MuteOutcome.Muted) issue(a).mute(new MuteRule.UntilTime(until),
                T0.plusSeconds(70))).issue());
        assertThat(listed(unresolved, IssueSort.EVENT_COUNT, v1, production))
                .as("a mute that has ended by the query's moment counts as unresolved").containsExactly(b, a);
        assertThat(listed(Optional.of(IssueStatus.MUTED), IssueSort.EVENT_COUNT, v1, production)).isEmpty();

        storage().eventRetention().deleteExpendable(new RetentionLimits(1, Duration.ofDays(90)), SOON, 100);
        assertThat(eventsOf(b)).hasSizeLessThan(4);
        assertThat(listed(any, IssueSort.EVENT_COUNT, none, production)).as("retention keeps the counters")
                .containsExactly(b, a);
        assertThat(listed(any, IssueSort.LAST_SEEN, Optional.of("no-such-release"), none)).isEmpty();
    }

    /**
     * An unresolved list takes the issues whose mute ended by the query's moment (PostgreSQL walks those among the mutes
     * that end at a time, V19, beside the walk over unresolved ones), but not those muted forever, until more events or until
     * a later time: in one order across both, paged without gaps or repeats, filtered by a value or not.
     */
    @Test
    void an_unresolved_list_takes_ended_mutes_in_order_and_pages_through_them() {
        List<IssueId> byCount = new java.util.ArrayList<>();
        List<MuteRule> mutes = java.util.Arrays.asList(null, new MuteRule.UntilTime(T0.plus(Duration.ofDays(1))),
                new MuteRule.UntilTime(T0.plus(Duration.ofDays(60))), new MuteRule.Forever(), null,
                new MuteRule.UntilMoreEvents(100), new MuteRule.UntilTime(T0.plus(Duration.ofDays(2))));
        for (int i = 0; i < mutes.size(); i++) {
            IssueId id = null;
            for (int event = 0; event <= mutes.size() - i; event++) {
                id = stored(crash(sdkId(), "issue" + i, T0.plusSeconds(10L * i + event), "1.0.0", "production"))
                        .issueId();
            }
            if (mutes.get(i) != null) {
                storage().issues().update(((Issue.MuteOutcome.Muted) issue(id).mute(mutes.get(i), T0.plusSeconds(100)))
                        .issue());
            }
            byCount.add(id);
        }
        // issues 0..6 have 8..2 events; unresolved at T0 + 30 days: open (0, 4) and ended (1, 6)
        List<IssueId> unresolvedByCount = List.of(byCount.get(0), byCount.get(1), byCount.get(4), byCount.get(6));
        Optional<IssueStatus> unresolved = Optional.of(IssueStatus.UNRESOLVED);
        Optional<String> none = Optional.empty();
        for (List<Optional<String>> there : List.of(List.of(none, none), List.of(none, Optional.of("production")),
                List.of(Optional.of("1.0.0"), none), List.of(Optional.of("1.0.0"), Optional.of("production")))) {
            Optional<String> release = there.get(0);
            Optional<String> environment = there.get(1);
            assertThat(listed(unresolved, IssueSort.EVENT_COUNT, release, environment)).as("%s %s", release, environment)
                    .containsExactlyElementsOf(unresolvedByCount);
            assertThat(listed(unresolved, IssueSort.LAST_SEEN, release, environment))
                    .containsExactlyInAnyOrderElementsOf(unresolvedByCount)
                    .containsExactly(byCount.get(6), byCount.get(4), byCount.get(1), byCount.get(0));
            List<IssueId> paged = new java.util.ArrayList<>();
            Optional<Issues.Query.Position> after = Optional.empty();
            for (int page = 0; page < 5; page++) {
                List<Issues.Listed> one = storage().issues().list(new Issues.Query(java.util.Set.of(app.id()),
                        unresolved, Optional.empty(), Optional.empty(), Optional.empty(), IssueSort.EVENT_COUNT, after,
                        1, T0.plus(Duration.ofDays(30)), new Issues.Query.Seen(release, environment, Optional.empty(),
                                Optional.empty())));
                if (one.isEmpty()) {
                    break;
                }
                paged.add(one.get(0).issue().id());
                after = Optional.of(new Issues.Query.Position(one.get(0).keyOf(IssueSort.EVENT_COUNT),
                        one.get(0).issue().id()));
            }
            assertThat(paged).as("in pages of one, %s %s", release, environment)
                    .containsExactlyElementsOf(unresolvedByCount);
        }
        assertThat(listed(Optional.of(IssueStatus.MUTED), IssueSort.EVENT_COUNT, none, Optional.of("production")))
                .containsExactly(byCount.get(2), byCount.get(3), byCount.get(5));
    }

    private List<Issues.Listed> listedThere(Optional<String> text, IssueSort sort, Optional<String> release,
            Optional<String> environment, Optional<Instant> lastSeenFrom, Optional<Issues.Query.Position> after,
            int fetch) {
        return storage().issues().list(new Issues.Query(java.util.Set.of(app.id()), Optional.empty(), text,
                lastSeenFrom, Optional.empty(), sort, after, fetch, T0.plus(Duration.ofDays(30)),
                new Issues.Query.Seen(release, environment, Optional.empty(), Optional.empty())));
    }

    /**
     * Under a release (or, without one, an environment) filter, what was seen of each issue there orders the list,
     * bounds its last seen, positions its pages and is returned beside the issue: in both query shapes (with and
     * without a text).
     */
    @Test
    void a_release_or_environment_list_is_ordered_by_what_was_seen_there() {
        IssueId a = stored(crash(sdkId(), "alpha", T0, "1.0.0", "production")).issueId();
        stored(crash(sdkId(), "alpha", T0.plusSeconds(100), "2.0.0", "staging"));
        stored(crash(sdkId(), "alpha", T0.plusSeconds(101), "2.0.0", "staging"));
        stored(crash(sdkId(), "alpha", T0.plusSeconds(102), "2.0.0", "staging"));
        IssueId b = stored(crash(sdkId(), "beta", T0.plusSeconds(10), "1.0.0", "production")).issueId();
        stored(crash(sdkId(), "beta", T0.plusSeconds(11), "1.0.0", "production"));
        Optional<String> v1 = Optional.of("1.0.0");
        Optional<String> none = Optional.empty();
        Optional<Instant> unbounded = Optional.empty();
        Optional<Issues.Query.Position> start = Optional.empty();
        for (Optional<String> text : List.of(Optional.<String>empty(), Optional.of("a"))) {
            String shape = text.isEmpty() ? "walk" : "text";
            assertThat(listedThere(text, IssueSort.LAST_SEEN, v1, none, unbounded, start, 10))
                    .as(shape).containsExactly(
                            new Issues.Listed(issue(b), Optional.of(new IssueTallies.Tally("1.0.0",
                                    T0.plusSeconds(10), T0.plusSeconds(11), 2))),
                            new Issues.Listed(issue(a), Optional.of(new IssueTallies.Tally("1.0.0", T0, T0, 1))));
            assertThat(listedThere(text, IssueSort.EVENT_COUNT, v1, none, unbounded, start, 10))
                    .as("%s: 2 events of b in 1.0.0 before 1 of a (of its 4)", shape)
                    .extracting(listed -> listed.issue().id()).containsExactly(b, a);
            assertThat(listedThere(text, IssueSort.FIRST_SEEN, none, Optional.of("staging"), unbounded, start, 10))
                    .as(shape).containsExactly(new Issues.Listed(issue(a), Optional.of(new IssueTallies.Tally(
                            "staging", T0.plusSeconds(100), T0.plusSeconds(102), 3))));
            assertThat(listedThere(text, IssueSort.LAST_SEEN, v1, none, Optional.of(T0.plusSeconds(50)), start, 10))
                    .as("%s: last seen in 1.0.0 bounds it, not last seen anywhere", shape).isEmpty();
            assertThat(listedThere(text, IssueSort.LAST_SEEN, v1, none, Optional.of(T0.plusSeconds(11)), start, 10))
                    .as(shape).extracting(listed -> listed.issue().id()).containsExactly(b);
            assertThat(listedThere(text, IssueSort.LAST_SEEN, v1, Optional.of("staging"), unbounded, start, 10))
                    .as("%s: both given, the release orders and the environment filters", shape)
                    .containsExactly(new Issues.Listed(issue(a), Optional.of(new IssueTallies.Tally("1.0.0", T0, T0,
                            1))));
            List<IssueId> paged = new ArrayList<>();
            Optional<Issues.Query.Position> after = start;
            for (int page = 0; page < 3; page++) {
                List<Issues.Listed> one = listedThere(text, IssueSort.EVENT_COUNT, v1, none, unbounded, after, 1);
                if (one.isEmpty()) {
                    break;
                }
                paged.add(one.get(0).issue().id());
                after = Optional.of(new Issues.Query.Position(one.get(0).keyOf(IssueSort.EVENT_COUNT),
                        one.get(0).issue().id()));
            }
            assertThat(paged).as("%s: paged by the count in 1.0.0", shape).containsExactly(b, a);
        }
        assertThat(listedThere(none, IssueSort.LAST_SEEN, none, none, unbounded, start, 10))
                .as("without a release or environment, the issue's own figures")
                .containsExactly(new Issues.Listed(issue(a)), new Issues.Listed(issue(b)));
    }

    @Test
    void issues_list_by_release_environment_level_and_opened_or_regressed_since() {
        IssueId old = stored(crash(sdkId(), "checkout", T0, "1.0.0", "staging")).issueId();
        stored(crash(sdkId(), "checkout", T0.plus(Duration.ofMinutes(1)), "1.1.0", "staging"));
        IssueId fresh = stored(crash(sdkId(), "pay", T0.plus(Duration.ofHours(2)), "1.1.0", "production")).issueId();
        IssueId warned = stored(crash(sdkId(), "ship", T0.plus(Duration.ofMinutes(5)), "0.9.0", "production")
                .toBuilder().level(dev.faultline.domain.tracker.Level.WARNING).build()).issueId();
        Instant resolvedAt = T0.plus(Duration.ofMinutes(30));
        storage().issues().update(issue(old).resolve(resolvedAt).issue());
        stored(crash(sdkId(), "checkout", T0.plus(Duration.ofHours(3)), "1.1.0", "staging"));

        Issues.Query.Seen any = Issues.Query.Seen.ANY;
        assertThat(listed(any)).containsExactlyInAnyOrder(old, fresh, warned);
        assertThat(listed(new Issues.Query.Seen(Optional.of("1.1.0"), Optional.empty(), Optional.empty(),
                Optional.empty()))).containsExactlyInAnyOrder(old, fresh);
        assertThat(listed(new Issues.Query.Seen(Optional.of("1.0"), Optional.empty(), Optional.empty(),
                Optional.empty()))).as("exact names, not substrings").isEmpty();
        assertThat(listed(new Issues.Query.Seen(Optional.empty(), Optional.of("production"), Optional.empty(),
                Optional.empty()))).containsExactlyInAnyOrder(fresh, warned);
        assertThat(listed(new Issues.Query.Seen(Optional.of("1.1.0"), Optional.of("staging"), Optional.empty(),
                Optional.empty()))).containsExactly(old);
        assertThat(listed(new Issues.Query.Seen(Optional.empty(), Optional.empty(),
                Optional.of(dev.faultline.domain.tracker.Level.WARNING), Optional.empty()))).containsExactly(warned);
        Instant cut = T0.plus(Duration.ofHours(1));
        assertThat(listed(new Issues.Query.Seen(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(cut)))).as("opened after the cut, or regressed after it")
                .containsExactlyInAnyOrder(fresh, old);
        assertThat(listed(new Issues.Query.Seen(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plus(Duration.ofHours(2)))))).containsExactlyInAnyOrder(fresh, old);
        assertThat(listed(new Issues.Query.Seen(Optional.of("1.1.0"), Optional.empty(), Optional.empty(),
                Optional.of(cut)))).as("in a release and opened or regressed").containsExactly(old, fresh);
        assertThat(listed(new Issues.Query.Seen(Optional.empty(), Optional.of("production"), Optional.empty(),
                Optional.of(cut)))).containsExactly(fresh);
        assertThat(listed(new Issues.Query.Seen(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plus(Duration.ofHours(2)).plusNanos(1000))))).containsExactly(old);
        assertThat(listed(new Issues.Query.Seen(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plus(Duration.ofHours(4)))))).isEmpty();
    }
}
