package dev.faultline.application.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.account.InMemoryUsers;
import dev.faultline.adapters.inmemory.intake.InMemoryIngestedEvents;
import dev.faultline.adapters.inmemory.intake.InMemoryIssueGroupings;
import dev.faultline.adapters.inmemory.tracker.InMemoryApplications;
import dev.faultline.adapters.inmemory.tracker.InMemoryEvents;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueActivities;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueTallies;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssues;
import dev.faultline.adapters.inmemory.tracker.InMemoryMemberships;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey.IngestSource;
import dev.faultline.application.intake.port.in.GetCrashReport;
import dev.faultline.application.intake.port.in.GetCrashReport.EventReference;
import dev.faultline.application.intake.port.in.GetIssueHistory;
import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.application.tracker.EventRecorder;
import dev.faultline.application.tracker.ResolveIssueService;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.domain.account.User;
import dev.faultline.domain.intake.Breadcrumb;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.GroupingPolicyV1;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueActivity.Kind;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The crash detail reads: scoped to the actor's applications, outsiders see "not found". */
class CrashDetailReadsTest {
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryApplications applications = new InMemoryApplications();
    private final InMemoryMemberships memberships = new InMemoryMemberships();
    private final InMemoryIssues issues = new InMemoryIssues();
    private final InMemoryEvents events = new InMemoryEvents();
    private final InMemoryIssueActivities activities = new InMemoryIssueActivities();
    private final InMemoryIssueTallies tallies = new InMemoryIssueTallies();
    private final InMemoryIngestedEvents ingested = new InMemoryIngestedEvents();
    private final InMemoryIssueGroupings groupings = new InMemoryIssueGroupings();
    private final InMemoryTransactions transactions = new InMemoryTransactions();

    private final IngestEventService ingest = new IngestEventService(new GroupingPolicyV1(), applications, ingested,
            groupings, new EventRecorder(issues, events, activities, tallies), transactions);
    private final GetCrashReportService getCrash =
            new GetCrashReportService(issues, memberships, events, ingested, clock);
    private final GetIssueHistoryService getHistory =
            new GetIssueHistoryService(issues, memberships, groupings, tallies, activities, users, transactions,
                    clock);
    private final ResolveIssueService resolve =
            new ResolveIssueService(issues, memberships, activities, transactions, clock);

    private User member;
    private User outsider;
    private Application app;
    private IngestSource source;

    @BeforeEach
    void world() {
        member = Fixtures.user();
        outsider = Fixtures.user();
        users.add(member);
        users.add(outsider);
        app = Fixtures.application();
        applications.add(app);
        memberships.add(new Membership(app.id(), member.id(), Role.OWNER, Fixtures.T0));
        source = new IngestSource(app.id(), IngestKeyId.random(), new Platform("java"), OptionalInt.empty());
    }

    private static SdkEventId sdkId() {
        return new SdkEventId(UUID.randomUUID().toString().replace("-", ""));
    }

    private static SdkEvent crash(SdkEventId id, Instant at, String release, String environment) {
        Frame frame = new Frame(Optional.of("demo.Main"), Optional.empty(), Optional.of("Main.java"),
                Optional.of("checkout"), Optional.empty(), OptionalInt.of(42), OptionalInt.empty(), InApp.YES,
                Optional.of("cart.items.size();"), List.of("Cart cart = load();"), List.of("}"), new TreeMap<>());
        return SdkEvent.builder(id, at)
                .exceptions(List.of(new ExceptionValue(Optional.of("NullPointerException"),
                        Optional.of("cart is null"), Optional.empty(), false, Optional.empty(),
                        Optional.of(new Stacktrace(List.of(frame))))))
                .release(release)
                .environment(environment)
                .breadcrumbs(List.of(new Breadcrumb(Optional.empty(), Optional.empty(), Optional.of("http"),
                        Optional.empty(), Optional.of("GET /cart"), new TreeMap<>())))
                .build();
    }

    private IngestEvent.Outcome.Stored stored(SdkEvent event) {
        return (IngestEvent.Outcome.Stored) ingest.ingest(new IngestEvent.Command(source, event, event.timestamp()));
    }

    private GetCrashReport.Outcome crashOf(User who, String reference) {
        return getCrash.getCrashReport(new GetCrashReport.Command(Actor.person(who.id()),
                EventReference.parse(reference, "event_id")));
    }

    @Test
    void a_member_finds_the_report_by_faultline_id_and_by_sdk_event_id() {
        SdkEventId sdk = sdkId();
        SdkEvent event = crash(sdk, clock.instant(), "1.0.0", "production");
        IngestEvent.Outcome.Stored outcome = stored(event);

        for (String reference : List.of(outcome.eventId().toString(), sdk.value(), sdk.value().toUpperCase())) {
            GetCrashReport.CrashReport found = ((GetCrashReport.Outcome.Found) crashOf(member, reference)).crash();
            assertThat(found.event().id()).isEqualTo(outcome.eventId());
            assertThat(found.issue().id()).isEqualTo(outcome.issueId());
            assertThat(found.report()).contains(event);
            assertThat(found.receivedAt()).contains(event.timestamp());
        }
    }

    @Test
    void an_outsider_and_an_unknown_id_both_get_not_found() {
        SdkEventId sdk = sdkId();
        IngestEvent.Outcome.Stored outcome = stored(crash(sdk, clock.instant(), "1.0.0", "production"));

        assertThat(crashOf(outsider, outcome.eventId().toString()))
                .isInstanceOf(GetCrashReport.Outcome.NotFound.class);
        assertThat(crashOf(outsider, sdk.value())).isInstanceOf(GetCrashReport.Outcome.NotFound.class);
        assertThat(crashOf(member, sdkId().value())).isInstanceOf(GetCrashReport.Outcome.NotFound.class);
        assertThat(crashOf(member, EventId.random().toString())).isInstanceOf(GetCrashReport.Outcome.NotFound.class);
    }

    @Test
    void a_token_without_read_is_refused_before_anything_is_looked_at() {
        IngestEvent.Outcome.Stored outcome = stored(crash(sdkId(), clock.instant(), "1.0.0", "production"));
        Actor noRead = new Actor(member.id(), Set.of());
        assertThat(getCrash.getCrashReport(new GetCrashReport.Command(noRead,
                EventReference.parse(outcome.eventId().toString(), "event_id"))))
                .isInstanceOf(GetCrashReport.Outcome.NotPermitted.class);
        assertThat(getHistory.getIssueHistory(new GetIssueHistory.Command(noRead, outcome.issueId())))
                .isInstanceOf(GetIssueHistory.Outcome.NotPermitted.class);
    }

    @Test
    void a_reference_is_a_uuid_or_32_hex_digits() {
        assertThatThrownBy(() -> EventReference.parse("abc", "event_id")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("event_id");
        assertThatThrownBy(() -> EventReference.parse("0123456789abcdef0123456789abcdeg", "event_id"))
                .isInstanceOf(InvalidValue.class);
        assertThat(EventReference.parse("0123456789ABCDEF0123456789ABCDEF", "event_id").sdkEventId())
                .contains(new SdkEventId("0123456789abcdef0123456789abcdef"));
    }

    @Test
    void the_history_explains_the_grouping_and_counts_releases_environments_and_days() {
        Instant now = clock.instant();
        IssueId issue = stored(crash(sdkId(), now.minus(Duration.ofDays(13)), "1.0.0", "staging")).issueId();
        stored(crash(sdkId(), now.minus(Duration.ofDays(2)), "1.0.0", "production"));
        stored(crash(sdkId(), now.minus(Duration.ofDays(1)), "1.1.0", "production"));
        stored(crash(sdkId(), now.minus(Duration.ofDays(20)), "0.9.0", "production"));
        resolve.resolveIssue(new ResolveIssue.Command(Actor.person(member.id()), issue));

        GetIssueHistory.IssueHistory history = ((GetIssueHistory.Outcome.Found) getHistory.getIssueHistory(
                new GetIssueHistory.Command(Actor.person(member.id()), issue))).history();

        assertThat(history.grouping().orElseThrow().version()).isEqualTo(1);
        assertThat(history.grouping().orElseThrow().canonicalText()).contains("frame:demo.Main|checkout");
        assertThat(history.releases()).extracting(GetIssueHistory.Tally::value).containsExactly("1.1.0", "1.0.0",
                "0.9.0");
        assertThat(history.releases().get(1).eventCount()).isEqualTo(2);
        assertThat(history.environments()).extracting(GetIssueHistory.Tally::value)
                .containsExactly("production", "staging");
        assertThat(history.daily()).hasSize(GetIssueHistory.DAYS);
        assertThat(history.today()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(history.daily().get(0).day()).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(history.daily().get(0).eventCount()).isEqualTo(1);
        assertThat(history.daily().get(11).eventCount()).isEqualTo(1);
        assertThat(history.daily().get(12).eventCount()).isEqualTo(1);
        assertThat(history.daily().get(13).eventCount()).isZero();
        assertThat(history.daily().stream().mapToLong(GetIssueHistory.DailyCount::eventCount).sum()).isEqualTo(3);
        assertThat(history.activity()).extracting(e -> e.activity().kind()).containsExactly(Kind.OPENED,
                Kind.RESOLVED);
        assertThat(history.activity().get(0).personName()).isEmpty();
        assertThat(history.activity().get(1).personName()).contains(member.displayName().value());
        assertThat(history.activityTruncated()).isFalse();
    }

    @Test
    void the_daily_count_ends_today_by_the_clock() {
        IssueId issue = stored(crash(sdkId(), clock.instant(), "1.0.0", "production")).issueId();
        clock.advance(Duration.ofDays(3));
        GetIssueHistory.IssueHistory history = ((GetIssueHistory.Outcome.Found) getHistory.getIssueHistory(
                new GetIssueHistory.Command(Actor.person(member.id()), issue))).history();
        assertThat(history.today()).isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(history.daily().get(GetIssueHistory.DAYS - 4).eventCount()).isEqualTo(1);
        assertThat(history.daily().get(GetIssueHistory.DAYS - 1).eventCount()).isZero();
    }

    @Test
    void an_outsider_gets_not_found_for_the_history_like_an_unknown_issue() {
        IssueId issue = stored(crash(sdkId(), clock.instant(), "1.0.0", "production")).issueId();
        assertThat(getHistory.getIssueHistory(new GetIssueHistory.Command(Actor.person(outsider.id()), issue)))
                .isEqualTo(new GetIssueHistory.Outcome.NotFound(issue));
        IssueId unknown = IssueId.random();
        assertThat(getHistory.getIssueHistory(new GetIssueHistory.Command(Actor.person(member.id()), unknown)))
                .isEqualTo(new GetIssueHistory.Outcome.NotFound(unknown));
    }
}
