package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A crash as a reporting SDK sends it, before it is grouped into an issue. Validated as a whole up front, so
 * recording it either succeeds or is refused with a precise error before anything is written.
 * Without a fingerprint the report is grouped by exception type and culprit; without a title the issue is
 * titled {@code ExceptionType: first line of the message}.
 */
public record CrashReport(
        Optional<Fingerprint> fingerprint,
        Optional<String> title,
        String culprit,
        String exceptionType,
        Level level,
        String message,
        Instant occurredAt,
        List<StackFrame> frames,
        Optional<String> environment,
        Optional<String> release,
        SortedMap<String, String> tags,
        Optional<AffectedUser> user) {

    public CrashReport {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(title, "title");
        title = title.filter(t -> !t.isBlank()).map(t -> Text.line(t, "title", Issue.MAX_TITLE_LENGTH));
        culprit = Text.line(culprit, "culprit", Issue.MAX_CULPRIT_LENGTH);
        occurredAt = Times.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
        // Event's rules for new text, applied once here: a bad report fails before any write, and the event
        // recorded from it (toEvent) is built from these checked values without checking them again.
        message = Event.checkedMessage(message);
        exceptionType = Event.checkedExceptionType(exceptionType);
        Objects.requireNonNull(level, "level");
        frames = Event.checkedFrames(frames);
        environment = Event.checkedEnvironment(environment);
        release = Event.checkedRelease(release);
        tags = Event.checkedTags(tags);
        user = Event.checkedUser(user);
    }

    public static CrashReport of(String culprit, String exceptionType, Level level, String message,
            Instant occurredAt, List<StackFrame> frames) {
        return new CrashReport(Optional.empty(), Optional.empty(), culprit, exceptionType, level, message,
                occurredAt, frames, Optional.empty(), Optional.empty(), new TreeMap<>(Map.of()), Optional.empty());
    }

    public Fingerprint effectiveFingerprint() {
        return fingerprint.orElseGet(() -> Fingerprint.derivedFrom(exceptionType, culprit));
    }

    public String effectiveTitle() {
        if (title.isPresent()) {
            return title.get();
        }
        String firstLine = message.strip().lines().findFirst().orElse("").strip();
        String shortType = exceptionType.substring(exceptionType.lastIndexOf('.') + 1);
        String composed = firstLine.isEmpty() ? shortType : shortType + ": " + firstLine;
        return Text.truncate(composed.chars().anyMatch(Character::isISOControl)
                ? composed.replaceAll("\\p{Cntrl}", " ") : composed, Issue.MAX_TITLE_LENGTH);
    }

    public Issue openIssue(ApplicationId applicationId) {
        return Issue.open(applicationId, effectiveFingerprint(), effectiveTitle(), culprit, exceptionType, level,
                occurredAt);
    }

    public Event toEvent(IssueId issueId) {
        return toEvent(EventId.random(), issueId);
    }

    /** The event under an id chosen beforehand (an ingested event's id is claimed before its issue is known). */
    public Event toEvent(EventId eventId, IssueId issueId) {
        return new Event(eventId, issueId, occurredAt, message, exceptionType, level, frames, environment,
                release, tags, user);
    }

    /** Refuses a report dated after {@code latest} (clock skew beyond tolerance, or a forged timestamp). */
    public static void requireNotAfter(Instant occurredAt, Instant latest) {
        InvalidValue.require(!occurredAt.isAfter(latest), "occurred_at",
                "occurred_at " + occurredAt + " is in the future (latest accepted " + latest + ")");
    }
}
