package dev.faultline.application.intake;

import static dev.faultline.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.storage.Storage;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.RetentionLimits;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.tracker.ActivityActor;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every storage's {@link IssueRevisions} must do: visible to the members of the issue's application only, and
 * moved by every write of what the issue shows in full (an event counted, triage, a note added or deleted, an activity
 * record, events removed by retention), by no read and by no write of another issue. Each test looks only at the
 * application it created, since retention runs over the whole store.
 */
public abstract class IssueRevisionsContract {
    protected abstract Storage storage();

    /** The revisions under test: the storage's own, unless a subclass puts something (a cache) in front. */
    protected IssueRevisions revisions() {
        return storage().issueRevisions();
    }

    private StorageIngest into;
    private UserId member;

    @BeforeEach
    void wire() {
        into = StorageIngest.on(storage());
        member = person();
        storage().memberships().add(new Membership(into.app().id(), member, Role.MEMBER, T0));
    }

    /** A member of the application every test's crashes go to. */
    protected UserId member() {
        return member;
    }

    protected UserId person() {
        User user = Fixtures.user();
        storage().users().add(user);
        return user.id();
    }

    /** An event of a crash in {@code function} (one issue per function), ingested at {@code at}. */
    protected IssueId crash(String function, Instant at) {
        Frame frame = new Frame(Optional.of("demo.Main"), Optional.empty(), Optional.of("Main.java"),
                Optional.of(function), Optional.empty(), OptionalInt.of(42), OptionalInt.empty(), InApp.YES,
                Optional.empty(), new TreeMap<>());
        SdkEvent event = SdkEvent.builder(new SdkEventId(UUID.randomUUID().toString().replace("-", "")), at)
                .platform(new Platform("java"))
                .exceptions(List.of(new ExceptionValue(Optional.of("IllegalStateException"), Optional.of("bad"),
                        Optional.empty(), false, Optional.empty(), Optional.of(new Stacktrace(List.of(frame))))))
                .tags(Map.of())
                .build();
        return ((IngestEvent.Outcome.Stored) into.ingest().ingest(new IngestEvent.Command(into.source(), event, at))).issueId();
    }

    private long revision(IssueId issue) {
        return revisions().visibleRevision(issue, member).orElseThrow();
    }

    @Test
    void only_members_of_the_issues_application_see_a_revision() {
        IssueId issue = crash("visible", T0);
        assertThat(revisions().visibleRevision(issue, member)).isPresent();
        assertThat(revisions().visibleRevision(issue, person())).isEqualTo(OptionalLong.empty());
        assertThat(revisions().visibleRevision(IssueId.random(), member)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void the_revision_names_the_issues_application_and_whether_the_reader_is_a_member() {
        IssueId issue = crash("named", T0);

        IssueRevisions.Revision forMember = revisions().revision(issue, member).orElseThrow();
        IssueRevisions.Revision forStranger = revisions().revision(issue, person()).orElseThrow();

        assertThat(forMember.application()).isEqualTo(into.app().id());
        assertThat(forMember.readerIsMember()).isTrue();
        assertThat(forStranger).isEqualTo(new IssueRevisions.Revision(into.app().id(), forMember.number(), false));
        assertThat(revisions().revision(IssueId.random(), member)).isEmpty();
    }

    @Test
    void a_members_question_is_announced_and_asked_again_is_announced_for_as_long_without_moving_the_revision() {
        IssueId issue = crash("announced", T0);

        IssueRevisions.Announced first = revisions().announcedRevision(issue, member).orElseThrow();
        IssueRevisions.Announced again = revisions().announcedRevision(issue, member).orElseThrow();
        IssueRevisions.Announced forStranger = revisions().announcedRevision(issue, person()).orElseThrow();

        assertThat(first.revision().readerIsMember()).isTrue();
        assertThat(first.announcedFor()).isGreaterThan(Duration.ofMinutes(1));
        assertThat(again.revision()).isEqualTo(first.revision());
        assertThat(again.announcedFor()).isGreaterThan(Duration.ofMinutes(1));
        assertThat(forStranger.revision().readerIsMember()).isFalse();
        assertThat(forStranger.announcedFor()).isEqualTo(Duration.ZERO);
        assertThat(revisions().announcedRevision(IssueId.random(), member)).isEmpty();
    }

    @Test
    void reads_leave_it_and_an_event_counted_moves_it() {
        IssueId issue = crash("counted", T0);
        long before = revision(issue);
        storage().issues().findById(issue);
        storage().events().listByIssue(issue, Optional.empty(), 10);
        storage().notes().listByIssue(issue);
        assertThat(revision(issue)).isEqualTo(before);

        assertThat(crash("counted", T0.plusSeconds(1))).isEqualTo(issue);
        assertThat(revision(issue)).isNotEqualTo(before);
    }

    @Test
    void triage_moves_it() {
        IssueId issue = crash("triaged", T0);
        long before = revision(issue);
        storage().issues().update(storage().issues().findById(issue).orElseThrow().resolve(T0.plusSeconds(5)).issue());
        long resolved = revision(issue);
        assertThat(resolved).isNotEqualTo(before);

        storage().issueActivities().add(new IssueActivity(issue, IssueActivity.Kind.RESOLVED,
                ActivityActor.person(member), T0.plusSeconds(5), Optional.empty()));
        assertThat(revision(issue)).isNotEqualTo(resolved);
    }

    @Test
    void a_note_added_or_deleted_moves_its_issue_only() {
        IssueId issue = crash("noted", T0);
        IssueId other = crash("elsewhere", T0);
        long before = revision(issue);
        long otherBefore = revision(other);

        Note note = Note.write(issue, member, "seen on checkout", T0.plusSeconds(1));
        storage().notes().add(note);
        long noted = revision(issue);
        assertThat(noted).isNotEqualTo(before);

        storage().notes().delete(note.id());
        assertThat(revision(issue)).isNotEqualTo(noted).isNotEqualTo(before);
        assertThat(revision(other)).isEqualTo(otherBefore);
    }

    @Test
    void retention_moves_the_issues_that_lost_events_and_no_other() {
        IssueId trimmed = crash("trimmed", T0.plusSeconds(1));
        crash("trimmed", T0.plusSeconds(2));
        crash("trimmed", T0.plusSeconds(3));
        IssueId kept = crash("kept", T0.plusSeconds(4));
        long trimmedBefore = revision(trimmed);
        long keptBefore = revision(kept);

        int deleted = storage().eventRetention().deleteExpendable(new RetentionLimits(10_000, Duration.ofHours(1)),
                T0.plus(Duration.ofDays(1)), 100);

        assertThat(deleted).isPositive();
        assertThat(storage().events().listByIssue(trimmed, Optional.empty(), 10)).hasSize(2);
        assertThat(revision(trimmed)).isNotEqualTo(trimmedBefore);
        assertThat(revision(kept)).isEqualTo(keptBefore);
    }
}
