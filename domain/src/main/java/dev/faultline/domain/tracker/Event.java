package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One occurrence of an issue, as reported: message, exception type, stack trace (frames in the order a Java
 * stack trace prints them: the frame that threw first), environment, release, tags and who was affected.
 * Everything but the ids and times is untrusted text from the crash report; size limits keep it bounded.
 * Reading is tolerant, writing is strict: the constructor takes stored text as it is, {@link #reported}
 * applies today's rules to a new event.
 */
public record Event(
        EventId id,
        IssueId issueId,
        Instant occurredAt,
        String message,
        String exceptionType,
        Level level,
        List<StackFrame> frames,
        Optional<String> environment,
        Optional<String> release,
        SortedMap<String, String> tags,
        Optional<AffectedUser> user) {

    public static final int MAX_MESSAGE_LENGTH = 10_000;
    public static final int MAX_FRAMES = 250;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_VALUE_LENGTH = 200;
    public static final int MAX_RELEASE_LENGTH = 200;
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** How a stored event comes back: the structure is checked, the text is taken as stored. */
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issueId, "issueId");
        occurredAt = Times.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
        message = Objects.requireNonNullElse(message, "");
        Objects.requireNonNull(exceptionType, "exceptionType");
        Objects.requireNonNull(level, "level");
        frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(release, "release");
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
        Objects.requireNonNull(user, "user");
    }

    /**
     * A new event from a crash report: this is where its text enters, so today's rules apply (sizes, no control
     * characters, shapes of environment and tag keys), and whatever is refused names its field.
     */
    public static Event reported(EventId id, IssueId issueId, Instant occurredAt, String message,
            String exceptionType, Level level, List<StackFrame> frames, Optional<String> environment,
            Optional<String> release, SortedMap<String, String> tags, Optional<AffectedUser> user) {
        return new Event(id, issueId, occurredAt, checkedMessage(message), checkedExceptionType(exceptionType),
                level, checkedFrames(frames), checkedEnvironment(environment), checkedRelease(release),
                checkedTags(tags), checkedUser(user));
    }

    // Today's rules for a new event's text, one per field; CrashReport applies them once, up front.

    static String checkedMessage(String message) {
        message = Objects.requireNonNullElse(message, "");
        InvalidValue.require(message.length() <= MAX_MESSAGE_LENGTH, "message",
                "a message is at most " + MAX_MESSAGE_LENGTH + " characters");
        return message;
    }

    static String checkedExceptionType(String exceptionType) {
        return Text.line(exceptionType, "exception_type", Issue.MAX_EXCEPTION_TYPE_LENGTH);
    }

    static List<StackFrame> checkedFrames(List<StackFrame> frames) {
        Objects.requireNonNull(frames, "frames");
        InvalidValue.require(frames.size() <= MAX_FRAMES, "frames",
                "a stack trace has at most " + MAX_FRAMES + " frames, not " + frames.size());
        return frames.stream().map(StackFrame::checked).toList();
    }

    static Optional<String> checkedEnvironment(Optional<String> environment) {
        Objects.requireNonNull(environment, "environment");
        Optional<String> stripped = environment.map(String::strip).filter(e -> !e.isEmpty());
        stripped.ifPresent(e -> InvalidValue.require(ENVIRONMENT.matcher(e).matches(), "environment",
                "environment \"" + e + "\" must be 1-64 letters, digits or . _ -"));
        return stripped;
    }

    static Optional<String> checkedRelease(Optional<String> release) {
        Objects.requireNonNull(release, "release");
        return release.filter(r -> !r.isBlank()).map(r -> Text.line(r, "release", MAX_RELEASE_LENGTH));
    }

    static SortedMap<String, String> checkedTags(SortedMap<String, String> tags) {
        Objects.requireNonNull(tags, "tags");
        InvalidValue.require(tags.size() <= MAX_TAGS, "tags", "an event has at most " + MAX_TAGS + " tags");
        TreeMap<String, String> checked = new TreeMap<>();
        tags.forEach((key, value) -> {
            InvalidValue.require(key != null && TAG_KEY.matcher(key).matches(), "tags",
                    "tag key \"" + key + "\" must be 1-64 letters, digits or . _ : -");
            checked.put(key, Text.line(value, "tags." + key, MAX_TAG_VALUE_LENGTH));
        });
        return Collections.unmodifiableSortedMap(checked);
    }

    static Optional<AffectedUser> checkedUser(Optional<AffectedUser> user) {
        return Objects.requireNonNull(user, "user").map(AffectedUser::checked);
    }

    /** Convenience for callers holding a plain map: tags are kept sorted by key. */
    public static SortedMap<String, String> tags(Map<String, String> tags) {
        return new TreeMap<>(tags);
    }

    /** The frames that belong to the application itself, the ones worth reading first. */
    public List<StackFrame> inAppFrames() {
        return frames.stream().filter(StackFrame::inApp).toList();
    }
}
