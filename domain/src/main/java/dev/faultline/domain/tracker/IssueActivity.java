package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One status change of an issue: what happened, who or what did it, when, and the event that caused it when an
 * event did (opened, regressed, mute ended). The timeline get_issue shows and later alerts read. Events named here
 * are turning points, which retention never deletes.
 */
public record IssueActivity(IssueId issueId, Kind kind, ActivityActor actor, Instant at, Optional<EventId> eventId) {

    public enum Kind {
        OPENED,
        RESOLVED,
        REOPENED,
        REGRESSED,
        MUTED,
        UNMUTED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    public IssueActivity {
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        at = Times.micros(Objects.requireNonNull(at, "at"));
        Objects.requireNonNull(eventId, "eventId");
    }

    /** What a person's triage did to an issue, or empty when it changed nothing. */
    public static Optional<Kind> ofChange(IssueStatus before, IssueStatus after) {
        if (before == after) {
            return after == IssueStatus.MUTED ? Optional.of(Kind.MUTED) : Optional.empty();
        }
        return Optional.of(switch (after) {
            case RESOLVED -> Kind.RESOLVED;
            case MUTED -> Kind.MUTED;
            case UNRESOLVED -> before == IssueStatus.MUTED ? Kind.UNMUTED : Kind.REOPENED;
        });
    }

    /** What counting an event did to its issue, or empty when its status stayed as it was. */
    public static Optional<Kind> ofEvent(boolean opened, Issue.RecordEventOutcome outcome) {
        if (opened) {
            return Optional.of(Kind.OPENED);
        }
        return outcome.fold(counted -> Optional.empty(), regressed -> Optional.of(Kind.REGRESSED),
                muteEnded -> Optional.of(Kind.UNMUTED), stillMuted -> Optional.empty());
    }
}
