package dev.faultline.domain.tracker;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Events of one application grouped by fingerprint, with their triage state. Immutable: every change returns
 * an outcome carrying the changed issue (or why nothing changed), which the caller then stores.
 *
 * <p>Status rules: a new event on a resolved issue is a regression (back to unresolved) unless it happened before
 * the resolution; a mute ends when its time has passed or the announced number of further events has arrived. An until-time mute lapses by the
 * clock alone, so readers ask {@link #statusAt} (or {@link #asOf}) instead of trusting the stored status.
 *
 * <p>Reading is tolerant, writing is strict: the constructor, through which stored issues come back, checks
 * the structure (ids, status and mute agree, counts, times) but takes the text as stored, since a row written
 * under older or looser rules must still list and show; new text enters only through {@link #open}, which
 * applies today's rules.
 */
public record Issue(
        IssueId id,
        ApplicationId applicationId,
        Fingerprint fingerprint,
        String title,
        String culprit,
        String exceptionType,
        Level level,
        IssueStatus status,
        Optional<ActiveMute> mute,
        Instant firstSeen,
        Instant lastSeen,
        long eventCount,
        Optional<UserId> assignee,
        Optional<Instant> resolvedAt) {

    public static final int MAX_TITLE_LENGTH = 255;
    public static final int MAX_CULPRIT_LENGTH = 500;
    public static final int MAX_EXCEPTION_TYPE_LENGTH = 255;

    public Issue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(culprit, "culprit");
        Objects.requireNonNull(exceptionType, "exceptionType");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mute, "mute");
        firstSeen = Times.micros(Objects.requireNonNull(firstSeen, "firstSeen"));
        lastSeen = Times.micros(Objects.requireNonNull(lastSeen, "lastSeen"));
        Objects.requireNonNull(assignee, "assignee");
        resolvedAt = Objects.requireNonNull(resolvedAt, "resolvedAt").map(Times::micros);
        if (resolvedAt.isPresent() && status != IssueStatus.RESOLVED) {
            throw new IllegalArgumentException("only a resolved issue has a resolution time");
        }
        if ((status == IssueStatus.MUTED) != mute.isPresent()) {
            throw new IllegalArgumentException("an issue has a mute rule exactly when it is muted");
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("lastSeen cannot precede firstSeen");
        }
        if (eventCount < 0) {
            throw new IllegalArgumentException("eventCount cannot be negative");
        }
    }

    /**
     * An issue without a resolution time: not resolved, or resolved before resolution times were kept (such an
     * issue regresses on any new event, as it always did).
     */
    public Issue(IssueId id, ApplicationId applicationId, Fingerprint fingerprint, String title, String culprit,
            String exceptionType, Level level, IssueStatus status, Optional<ActiveMute> mute, Instant firstSeen,
            Instant lastSeen, long eventCount, Optional<UserId> assignee) {
        this(id, applicationId, fingerprint, title, culprit, exceptionType, level, status, mute, firstSeen, lastSeen,
                eventCount, assignee, Optional.empty());
    }

    /**
     * A new, unresolved issue that has not counted any event yet; {@link #recordEvent} counts the first one.
     * The title is shortened to fit if needed (it usually comes from a crash message). This is where new text
     * enters an issue, so today's text rules apply here (not blank, no control characters, within limits).
     */
    public static Issue open(ApplicationId applicationId, Fingerprint fingerprint, String title, String culprit,
            String exceptionType, Level level, Instant firstSeen) {
        return new Issue(IssueId.random(), applicationId, fingerprint,
                Text.line(Text.truncate(title == null ? "" : title.strip(), MAX_TITLE_LENGTH), "title",
                        MAX_TITLE_LENGTH),
                Text.line(culprit, "culprit", MAX_CULPRIT_LENGTH),
                Text.line(exceptionType, "exception_type", MAX_EXCEPTION_TYPE_LENGTH), level,
                IssueStatus.UNRESOLVED, Optional.empty(), firstSeen, firstSeen, 0, Optional.empty(), Optional.empty());
    }

    /** The status as a reader sees it at {@code now}: an until-time mute whose time has come reads unresolved. */
    public IssueStatus statusAt(Instant now) {
        return mute.filter(m -> m.hasLapsedAt(now)).isPresent() ? IssueStatus.UNRESOLVED : status;
    }

    /** This issue with a lapsed until-time mute cleared, so that what is shown matches {@link #statusAt}. */
    public Issue asOf(Instant now) {
        return statusAt(now) == status ? this : withStatus(IssueStatus.UNRESOLVED, Optional.empty());
    }

    public ResolveOutcome resolve(Instant now) {
        Issue current = asOf(now);
        if (current.status == IssueStatus.RESOLVED) {
            return new ResolveOutcome.AlreadyResolved(current);
        }
        return new ResolveOutcome.Resolved(new Issue(id, applicationId, fingerprint, title, culprit, exceptionType,
                level, IssueStatus.RESOLVED, Optional.empty(), firstSeen, lastSeen, eventCount, assignee,
                Optional.of(Times.micros(now))));
    }

    public ReopenOutcome reopen(Instant now) {
        Issue current = asOf(now);
        if (current.status == IssueStatus.UNRESOLVED) {
            return new ReopenOutcome.AlreadyUnresolved(current);
        }
        return new ReopenOutcome.Reopened(current.withStatus(IssueStatus.UNRESOLVED, Optional.empty()));
    }

    /** Mutes (or re-mutes with a new rule). Muting until a moment that is not in the future is refused. */
    public MuteOutcome mute(MuteRule rule, Instant now) {
        Objects.requireNonNull(rule, "rule");
        now = Times.micros(now);
        Issue current = asOf(now);
        Instant at = now;
        return rule.fold(
                forever -> current.mutedUnder(new ActiveMute.Forever()),
                untilTime -> untilTime.until().isAfter(at)
                        ? current.mutedUnder(new ActiveMute.UntilTime(untilTime.until()))
                        : new MuteOutcome.UntilTimeNotInFuture(untilTime.until(), at),
                more -> current.mutedUnder(new ActiveMute.UntilEventCount(eventCount + more.events())));
    }

    private MuteOutcome mutedUnder(ActiveMute active) {
        return new MuteOutcome.Muted(withStatus(IssueStatus.MUTED, Optional.of(active)));
    }

    /**
     * Counts one more event: updates the count and first/last seen, regresses a resolved issue (unless the event
     * happened before the resolution, see {@link #regressedBy}) and ends a mute whose time has passed (by
     * {@code now}, the moment the event arrives) or whose event quota is reached.
     */
    public RecordEventOutcome recordEvent(Event event, Instant now) {
        if (!event.issueId().equals(id)) {
            throw new IllegalArgumentException("event " + event.id() + " belongs to issue " + event.issueId()
                    + ", not " + id);
        }
        long count = eventCount + 1;
        now = Times.micros(now);
        Instant first = eventCount == 0 || event.occurredAt().isBefore(firstSeen) ? event.occurredAt() : firstSeen;
        Instant last = eventCount == 0 || event.occurredAt().isAfter(lastSeen) ? event.occurredAt() : lastSeen;
        Issue counted = new Issue(id, applicationId, fingerprint, title, culprit, exceptionType, level, status, mute,
                first, last, count, assignee, resolvedAt);
        if (status == IssueStatus.RESOLVED && regressedBy(event)) {
            return new RecordEventOutcome.Regressed(counted.withStatus(IssueStatus.UNRESOLVED, Optional.empty()));
        }
        if (status == IssueStatus.MUTED) {
            ActiveMute active = mute.orElseThrow();
            boolean quotaReached = active.fold(
                    forever -> false, untilTime -> false, untilEventCount -> count >= untilEventCount.eventCount());
            if (active.hasLapsedAt(now) || quotaReached) {
                return new RecordEventOutcome.MuteEnded(counted.withStatus(IssueStatus.UNRESOLVED, Optional.empty()));
            }
            return new RecordEventOutcome.StillMuted(counted);
        }
        return new RecordEventOutcome.Counted(counted);
    }

    /**
     * Regression rule: a resolved issue comes back through an event that did not happen before it was resolved (at
     * the moment of resolution or later). An older event (an offline device flushing its cache, a late queue) is
     * counted and changes nothing. An issue resolved before resolution times were kept regresses on any event.
     */
    public boolean regressedBy(Event event) {
        return status == IssueStatus.RESOLVED
                && resolvedAt.map(resolved -> !event.occurredAt().isBefore(resolved)).orElse(true);
    }

    /**
     * Sets or clears the assignee. Whether the assignee may be assigned (a member of the application) is the
     * use case's check, since it needs the memberships.
     */
    public AssignOutcome assign(Optional<UserId> newAssignee) {
        Objects.requireNonNull(newAssignee, "newAssignee");
        if (newAssignee.equals(assignee)) {
            return new AssignOutcome.Unchanged(this);
        }
        Issue changed = new Issue(id, applicationId, fingerprint, title, culprit, exceptionType, level, status, mute,
                firstSeen, lastSeen, eventCount, newAssignee, resolvedAt);
        return newAssignee.isPresent() ? new AssignOutcome.Assigned(changed) : new AssignOutcome.Unassigned(changed);
    }

    private Issue withStatus(IssueStatus newStatus, Optional<ActiveMute> newMute) {
        return new Issue(id, applicationId, fingerprint, title, culprit, exceptionType, level, newStatus, newMute,
                firstSeen, lastSeen, eventCount, assignee,
                newStatus == IssueStatus.RESOLVED ? resolvedAt : Optional.empty());
    }

    /** The outcome of {@link #resolve}. */
    public sealed interface ResolveOutcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Resolved, R> resolved, Function<AlreadyResolved, R> alreadyResolved);

        Issue issue();

        record Resolved(Issue issue) implements ResolveOutcome {
            @Override
            public <R> R fold(Function<Resolved, R> resolved, Function<AlreadyResolved, R> alreadyResolved) {
                return resolved.apply(this);
            }
        }

        record AlreadyResolved(Issue issue) implements ResolveOutcome {
            @Override
            public <R> R fold(Function<Resolved, R> resolved, Function<AlreadyResolved, R> alreadyResolved) {
                return alreadyResolved.apply(this);
            }
        }
    }

    /** The outcome of {@link #reopen}. */
    public sealed interface ReopenOutcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Reopened, R> reopened, Function<AlreadyUnresolved, R> alreadyUnresolved);

        Issue issue();

        record Reopened(Issue issue) implements ReopenOutcome {
            @Override
            public <R> R fold(Function<Reopened, R> reopened, Function<AlreadyUnresolved, R> alreadyUnresolved) {
                return reopened.apply(this);
            }
        }

        record AlreadyUnresolved(Issue issue) implements ReopenOutcome {
            @Override
            public <R> R fold(Function<Reopened, R> reopened, Function<AlreadyUnresolved, R> alreadyUnresolved) {
                return alreadyUnresolved.apply(this);
            }
        }
    }

    /** The outcome of {@link #mute}. */
    public sealed interface MuteOutcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Muted, R> muted, Function<UntilTimeNotInFuture, R> untilTimeNotInFuture);

        record Muted(Issue issue) implements MuteOutcome {
            @Override
            public <R> R fold(Function<Muted, R> muted, Function<UntilTimeNotInFuture, R> untilTimeNotInFuture) {
                return muted.apply(this);
            }
        }

        record UntilTimeNotInFuture(Instant until, Instant now) implements MuteOutcome {
            @Override
            public <R> R fold(Function<Muted, R> muted, Function<UntilTimeNotInFuture, R> untilTimeNotInFuture) {
                return untilTimeNotInFuture.apply(this);
            }
        }
    }

    /** The outcome of {@link #recordEvent}: always a counted issue, and what the event did to its status. */
    public sealed interface RecordEventOutcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Counted, R> counted, Function<Regressed, R> regressed, Function<MuteEnded, R> muteEnded,
                Function<StillMuted, R> stillMuted);

        Issue issue();

        record Counted(Issue issue) implements RecordEventOutcome {
            @Override
            public <R> R fold(
                    Function<Counted, R> counted, Function<Regressed, R> regressed, Function<MuteEnded, R> muteEnded,
                    Function<StillMuted, R> stillMuted) {
                return counted.apply(this);
            }
        }

        record Regressed(Issue issue) implements RecordEventOutcome {
            @Override
            public <R> R fold(
                    Function<Counted, R> counted, Function<Regressed, R> regressed, Function<MuteEnded, R> muteEnded,
                    Function<StillMuted, R> stillMuted) {
                return regressed.apply(this);
            }
        }

        record MuteEnded(Issue issue) implements RecordEventOutcome {
            @Override
            public <R> R fold(
                    Function<Counted, R> counted, Function<Regressed, R> regressed, Function<MuteEnded, R> muteEnded,
                    Function<StillMuted, R> stillMuted) {
                return muteEnded.apply(this);
            }
        }

        record StillMuted(Issue issue) implements RecordEventOutcome {
            @Override
            public <R> R fold(
                    Function<Counted, R> counted, Function<Regressed, R> regressed, Function<MuteEnded, R> muteEnded,
                    Function<StillMuted, R> stillMuted) {
                return stillMuted.apply(this);
            }
        }
    }

    /** The outcome of {@link #assign}. */
    public sealed interface AssignOutcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Assigned, R> assigned, Function<Unassigned, R> unassigned, Function<Unchanged, R> unchanged);

        Issue issue();

        record Assigned(Issue issue) implements AssignOutcome {
            @Override
            public <R> R fold(
                    Function<Assigned, R> assigned, Function<Unassigned, R> unassigned,
                    Function<Unchanged, R> unchanged) {
                return assigned.apply(this);
            }
        }

        record Unassigned(Issue issue) implements AssignOutcome {
            @Override
            public <R> R fold(
                    Function<Assigned, R> assigned, Function<Unassigned, R> unassigned,
                    Function<Unchanged, R> unchanged) {
                return unassigned.apply(this);
            }
        }

        record Unchanged(Issue issue) implements AssignOutcome {
            @Override
            public <R> R fold(
                    Function<Assigned, R> assigned, Function<Unassigned, R> unassigned,
                    Function<Unchanged, R> unchanged) {
                return unchanged.apply(this);
            }
        }
    }
}
