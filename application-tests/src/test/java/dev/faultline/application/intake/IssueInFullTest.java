package dev.faultline.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.account.InMemoryUsers;
import dev.faultline.adapters.inmemory.intake.InMemoryIngestedEvents;
import dev.faultline.adapters.inmemory.intake.InMemoryIssueGroupings;
import dev.faultline.adapters.inmemory.tracker.InMemoryApplications;
import dev.faultline.adapters.inmemory.tracker.InMemoryEvents;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueActivities;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueChanges;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueRevisions;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueTallies;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssues;
import dev.faultline.adapters.inmemory.tracker.InMemoryMemberships;
import dev.faultline.adapters.inmemory.tracker.InMemoryNotes;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey.IngestSource;
import dev.faultline.application.intake.port.in.GetIssueHistory;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.application.tracker.EventRecorder;
import dev.faultline.application.tracker.GetIssueService;
import dev.faultline.application.tracker.IssueRevisionCache;
import dev.faultline.application.tracker.MuteIssueService;
import dev.faultline.application.tracker.ReopenIssueService;
import dev.faultline.application.tracker.ResolveIssueService;
import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.application.tracker.port.in.ReopenIssue;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.PasswordHash;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.GroupingPolicyV1;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.MuteRule;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** get_issue's use case: GetIssue's details and GetIssueHistory's history, in one unit of work. */
class IssueInFullTest {
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    private final InMemoryUsers storedUsers = new InMemoryUsers();
    private final CountingUsers users = new CountingUsers(storedUsers);
    private final InMemoryApplications applications = new InMemoryApplications();
    private final InMemoryMemberships memberships = new InMemoryMemberships();
    private final InMemoryIssueChanges changes = new InMemoryIssueChanges();
    private final InMemoryEvents events = new InMemoryEvents(changes);
    private final InMemoryNotes notes = new InMemoryNotes(changes);
    private final InMemoryIssueActivities activities = new InMemoryIssueActivities(changes);
    private final InMemoryIssueTallies tallies = new InMemoryIssueTallies();
    private final InMemoryIssues issues = new InMemoryIssues(tallies, activities, changes);
    private final InMemoryIssueRevisions revisions = new InMemoryIssueRevisions(issues, memberships, changes);
    private final InMemoryIssueGroupings groupings = new InMemoryIssueGroupings();
    private final CountingTransactions transactions = new CountingTransactions(new InMemoryTransactions());

    private final IngestEventService ingest = new IngestEventService(new GroupingPolicyV1(), applications,
            new InMemoryIngestedEvents(), groupings, new EventRecorder(issues, events, activities, tallies),
            transactions);
    private final GetIssueInFullService inFull = new GetIssueInFullService(issues, memberships, applications,
            events, notes, groupings, tallies, activities, users, revisions,
            IssueRevisionCache.listeningTo(changes, revisions, 100), transactions, clock);
    private final GetIssueService getIssue =
            new GetIssueService(issues, memberships, applications, events, notes, transactions, clock);
    private final GetIssueHistoryService getHistory = new GetIssueHistoryService(issues, memberships, groupings,
            tallies, activities, users, transactions, clock);

    private User member;
    private User colleague;
    private User outsider;
    private Application app;

    @BeforeEach
    void world() {
        member = Fixtures.user();
        colleague = Fixtures.user();
        outsider = Fixtures.user();
        List.of(member, colleague, outsider).forEach(storedUsers::add);
        app = Fixtures.application();
        applications.add(app);
        memberships.add(new Membership(app.id(), member.id(), Role.OWNER, Fixtures.T0));
        memberships.add(new Membership(app.id(), colleague.id(), Role.MEMBER, Fixtures.T0));
    }

    private IssueId crash() {
        SdkEvent event = SdkEvent.builder(new SdkEventId(UUID.randomUUID().toString().replace("-", "")),
                        clock.instant().minus(Duration.ofHours(1)))
                .exceptions(List.of(new ExceptionValue(Optional.of("IllegalStateException"),
                        Optional.of("order is not placed"), Optional.empty(), false, Optional.empty(),
                        Optional.empty())))
                .release("1.0.0")
                .environment("production")
                .build();
        IngestSource source = new IngestSource(app.id(), IngestKeyId.random(), new Platform("java"),
                OptionalInt.empty());
        return ((IngestEvent.Outcome.Stored) ingest.ingest(new IngestEvent.Command(source, event, event.timestamp())))
                .issueId();
    }

    /** Resolved by the member, reopened by the colleague, resolved by the member again: two people, three changes. */
    private IssueId triagedCrash() {
        IssueId issue = crash();
        ResolveIssueService resolve = new ResolveIssueService(issues, memberships, activities, transactions, clock);
        ReopenIssueService reopen = new ReopenIssueService(issues, memberships, activities, transactions, clock);
        resolve.resolveIssue(new ResolveIssue.Command(Actor.person(member.id()), issue));
        reopen.reopenIssue(new ReopenIssue.Command(Actor.person(colleague.id()), issue));
        resolve.resolveIssue(new ResolveIssue.Command(Actor.person(member.id()), issue));
        return issue;
    }

    @Test
    void shows_what_get_issue_and_the_history_show_in_one_unit_of_work_naming_people_in_one_look_up() {
        IssueId issue = triagedCrash();
        Actor reader = Actor.person(member.id());
        transactions.units = 0;
        users.lookUps.clear();

        GetIssueInFull.IssueInFull found = ((GetIssueInFull.Outcome.Found) inFull.getIssueInFull(
                new GetIssueInFull.Command(reader, issue))).issue();

        assertThat(transactions.units).isEqualTo(1);
        assertThat(users.lookUps).containsExactly("findAll of 2");
        assertThat(found.history().activity()).extracting(e -> e.personName().orElse("-")).containsExactly("-",
                member.displayName().value(), colleague.displayName().value(), member.displayName().value());
        assertThat(found.details()).isEqualTo(((GetIssue.Outcome.Found) getIssue.getIssue(
                new GetIssue.Command(reader, issue))).details());
        assertThat(found.history()).isEqualTo(((GetIssueHistory.Outcome.Found) getHistory.getIssueHistory(
                new GetIssueHistory.Command(reader, issue))).history());
    }

    @Test
    void a_person_who_no_longer_exists_is_named_by_nobody() {
        IssueId issue = triagedCrash();
        users.forgotten.add(colleague.id());

        GetIssueInFull.IssueInFull found = ((GetIssueInFull.Outcome.Found) inFull.getIssueInFull(
                new GetIssueInFull.Command(Actor.person(member.id()), issue))).issue();

        assertThat(found.history().activity()).extracting(e -> e.personName().orElse("-")).containsExactly("-",
                member.displayName().value(), "-", member.displayName().value());
    }

    @Test
    void an_outsider_and_an_unknown_issue_are_not_found_and_no_read_permission_is_refused() {
        IssueId issue = crash();
        assertThat(inFull.getIssueInFull(new GetIssueInFull.Command(Actor.person(outsider.id()), issue)))
                .isEqualTo(new GetIssueInFull.Outcome.NotFound(issue));
        IssueId unknown = IssueId.random();
        assertThat(inFull.getIssueInFull(new GetIssueInFull.Command(Actor.person(member.id()), unknown)))
                .isEqualTo(new GetIssueInFull.Outcome.NotFound(unknown));
        transactions.units = 0;
        assertThat(inFull.getIssueInFull(new GetIssueInFull.Command(new Actor(member.id(), Set.of()), issue)))
                .isEqualTo(new GetIssueInFull.Outcome.NotPermitted(GetIssueInFull.REQUIRES));
        assertThat(transactions.units).isZero();
    }

    private static final class CountingTransactions implements Transactions {
        private final Transactions delegate;
        private int units;

        CountingTransactions(Transactions delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            units++;
            return delegate.inTransaction(work);
        }
    }

    /** Records every look-up by id; ids in {@code forgotten} are reported as not existing. */
    private static final class CountingUsers implements Users {
        private final Users delegate;
        private final List<String> lookUps = new ArrayList<>();
        private final Set<UserId> forgotten = new HashSet<>();

        CountingUsers(Users delegate) {
            this.delegate = delegate;
        }

        @Override
        public Insertion add(User user) {
            return delegate.add(user);
        }

        @Override
        public Optional<User> findById(UserId id) {
            lookUps.add("findById");
            return forgotten.contains(id) ? Optional.empty() : delegate.findById(id);
        }

        @Override
        public Map<UserId, User> findAll(Collection<UserId> ids) {
            lookUps.add("findAll of " + ids.size());
            return delegate.findAll(ids.stream().filter(id -> !forgotten.contains(id)).toList());
        }

        @Override
        public Optional<User> findByEmail(EmailAddress email) {
            return delegate.findByEmail(email);
        }

        @Override
        public void updatePasswordHash(UserId id, PasswordHash hash) {
            delegate.updatePasswordHash(id, hash);
        }
    }

    private static GetIssueInFull.IssueInFull found(GetIssueInFull.Outcome outcome) {
        return ((GetIssueInFull.Outcome.Found) outcome).issue();
    }

    @Test
    void asked_again_while_unchanged_it_answers_empty_after_one_read_and_no_unit_of_work() {
        IssueId issue = crash();
        GetIssueInFull.Command command = new GetIssueInFull.Command(Actor.person(member.id()), issue);
        GetIssueInFull.IssueInFull first = found(inFull.getIssueInFull(command));
        transactions.units = 0;

        assertThat(inFull.getIssueInFullIfChanged(command, first.version())).isEmpty();
        assertThat(transactions.units).isZero();
        assertThat(found(inFull.getIssueInFull(command))).isEqualTo(first);
    }

    @Test
    void after_a_note_triage_or_an_event_it_answers_the_issue_as_it_is_now() {
        IssueId issue = crash();
        GetIssueInFull.Command command = new GetIssueInFull.Command(Actor.person(member.id()), issue);
        GetIssueInFull.IssueInFull first = found(inFull.getIssueInFull(command));

        notes.add(Note.write(issue, colleague.id(), "seen on checkout", clock.instant()));
        GetIssueInFull.IssueInFull noted = found(inFull.getIssueInFullIfChanged(command, first.version()).orElseThrow());
        assertThat(noted.details().notes()).extracting(Note::body).containsExactly("seen on checkout");
        assertThat(inFull.getIssueInFullIfChanged(command, noted.version())).isEmpty();

        new ResolveIssueService(issues, memberships, activities, transactions, clock)
                .resolveIssue(new ResolveIssue.Command(Actor.person(colleague.id()), issue));
        GetIssueInFull.IssueInFull resolved =
                found(inFull.getIssueInFullIfChanged(command, noted.version()).orElseThrow());
        assertThat(resolved.details().issue().status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(resolved.history().activity()).hasSize(2);

        assertThat(crash()).isEqualTo(issue);
        GetIssueInFull.IssueInFull regressed =
                found(inFull.getIssueInFullIfChanged(command, resolved.version()).orElseThrow());
        assertThat(regressed.details().issue().eventCount()).isEqualTo(2);
        assertThat(regressed.details().recentEventIds()).hasSize(2);
    }

    @Test
    void what_it_showed_holds_until_the_next_utc_midnight_when_the_daily_counts_move_on() {
        IssueId issue = crash();
        GetIssueInFull.Command command = new GetIssueInFull.Command(Actor.person(member.id()), issue);
        GetIssueInFull.IssueInFull first = found(inFull.getIssueInFull(command));
        Instant midnight = Instant.parse("2026-11-24T00:00:00Z");
        assertThat(first.version().expires()).isEqualTo(midnight);

        clock.set(midnight.minusNanos(1_000));
        assertThat(inFull.getIssueInFullIfChanged(command, first.version())).isEmpty();
        clock.set(midnight);
        GetIssueInFull.IssueInFull nextDay = found(inFull.getIssueInFullIfChanged(command, first.version())
                .orElseThrow());
        assertThat(nextDay.history().daily().get(GetIssueHistory.DAYS - 1).day()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(nextDay.version().expires()).isEqualTo(midnight.plus(Duration.ofDays(1)));
    }

    @Test
    void what_it_showed_of_an_issue_muted_until_a_time_holds_until_the_mute_lapses() {
        IssueId issue = crash();
        Instant until = clock.instant().plus(Duration.ofHours(2));
        new MuteIssueService(issues, memberships, activities, transactions, clock).muteIssue(
                new MuteIssue.Command(Actor.person(member.id()), issue, new MuteRule.UntilTime(until)));
        GetIssueInFull.Command command = new GetIssueInFull.Command(Actor.person(member.id()), issue);
        GetIssueInFull.IssueInFull muted = found(inFull.getIssueInFull(command));
        assertThat(muted.details().issue().status()).isEqualTo(IssueStatus.MUTED);
        assertThat(muted.version().expires()).isEqualTo(until);

        clock.set(until);
        GetIssueInFull.IssueInFull lapsed = found(inFull.getIssueInFullIfChanged(command, muted.version())
                .orElseThrow());
        assertThat(lapsed.details().issue().status()).isEqualTo(IssueStatus.UNRESOLVED);
    }

    @Test
    void a_version_of_another_issue_an_outsider_or_no_read_permission_gets_the_plain_answer() {
        IssueId issue = crash();
        GetIssueInFull.Command command = new GetIssueInFull.Command(Actor.person(member.id()), issue);
        GetIssueInFull.IssueInFull first = found(inFull.getIssueInFull(command));
        GetIssueInFull.Version elsewhere = new GetIssueInFull.Version(IssueId.random(), first.version().revision(),
                first.version().expires());

        assertThat(inFull.getIssueInFullIfChanged(command, elsewhere)).contains(new GetIssueInFull.Outcome.Found(first));
        assertThat(inFull.getIssueInFullIfChanged(new GetIssueInFull.Command(Actor.person(outsider.id()), issue),
                first.version())).contains(new GetIssueInFull.Outcome.NotFound(issue));
        assertThat(inFull.getIssueInFullIfChanged(new GetIssueInFull.Command(new Actor(member.id(), Set.of()), issue),
                first.version())).contains(new GetIssueInFull.Outcome.NotPermitted(GetIssueInFull.REQUIRES));
    }
}
