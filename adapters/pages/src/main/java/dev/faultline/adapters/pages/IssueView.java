package dev.faultline.adapters.pages;

import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.StackFrame;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One issue, read-only: its state, the latest event's crash (exception, message, stack trace), the ids of the
 * recent events and the notes. Everything that came from a crash report or a person (title, culprit, exception,
 * message, frames, environment, release, notes, application name) passes through {@link DisplayText}; the
 * template shows crash text in {@code <pre>}/{@code <code>}, escaped by Mustache, so it can never become markup.
 */
public final class IssueView extends PageView {
    private final String issueId;
    private final String heading;
    private final String application;
    private final String status;
    private final String statusClass;
    private final String level;
    private final String culprit;
    private final String exceptionType;
    private final String firstSeen;
    private final String firstSeenIso;
    private final String lastSeen;
    private final String lastSeenIso;
    private final long events;
    private final String assignee;
    private final LatestEvent latestEvent;
    private final List<String> recentEventIds;
    private final List<NoteRow> notes;
    private final IssueHistoryView history;
    private final CrashReportView crash;

    IssueView(Navigation navigation, GetIssue.IssueDetails details, UserId reader, Map<UserId, DisplayName> names) {
        this(navigation, details, reader, names, Optional.empty(), Optional.empty());
    }

    /**
     * @param history the grouping, tallies, days and activity, when the reader may see them
     * @param crash   the latest event's SDK report, when an SDK sent it
     */
    IssueView(Navigation navigation, GetIssue.IssueDetails details, UserId reader, Map<UserId, DisplayName> names,
            Optional<IssueHistoryView> history, Optional<CrashReportView> crash) {
        super("issue.mustache", "Issue: " + details.issue().title(), navigation);
        Issue issue = details.issue();
        this.issueId = issue.id().toString();
        this.heading = DisplayText.of(issue.title());
        this.application = DisplayText.of(details.application().name());
        this.status = statusDetail(issue);
        this.statusClass = issue.status().wireName();
        this.level = issue.level().wireName();
        this.culprit = DisplayText.of(issue.culprit());
        this.exceptionType = DisplayText.of(issue.exceptionType());
        this.firstSeen = Dates.shown(issue.firstSeen());
        this.firstSeenIso = Dates.machine(issue.firstSeen());
        this.lastSeen = Dates.shown(issue.lastSeen());
        this.lastSeenIso = Dates.machine(issue.lastSeen());
        this.events = issue.eventCount();
        this.assignee = issue.assignee().map(user -> person(user, reader, names)).orElse("Nobody");
        this.latestEvent = details.latestEvent().map(LatestEvent::of).orElse(null);
        this.recentEventIds = details.recentEventIds().stream().map(EventId::toString).toList();
        this.notes = details.notes().stream().map(note -> NoteRow.of(note, reader, names)).toList();
        this.history = history.orElse(null);
        this.crash = crash.orElse(null);
    }

    /** {@code null} when not known. */
    public IssueHistoryView getHistory() {
        return history;
    }

    /** {@code null} when the latest event did not come from an SDK. */
    public CrashReportView getCrash() {
        return crash;
    }

    @Override
    public boolean isWide() {
        return true;
    }

    public String getIssueId() {
        return issueId;
    }

    public String getHeading() {
        return heading;
    }

    public String getApplication() {
        return application;
    }

    public String getStatus() {
        return status;
    }

    public String getStatusClass() {
        return statusClass;
    }

    public String getLevel() {
        return level;
    }

    public String getCulprit() {
        return culprit;
    }

    public String getExceptionType() {
        return exceptionType;
    }

    public String getFirstSeen() {
        return firstSeen;
    }

    public String getFirstSeenIso() {
        return firstSeenIso;
    }

    public String getLastSeen() {
        return lastSeen;
    }

    public String getLastSeenIso() {
        return lastSeenIso;
    }

    public long getEvents() {
        return events;
    }

    public String getAssignee() {
        return assignee;
    }

    /** {@code null} when the issue has no stored event. */
    public LatestEvent getLatestEvent() {
        return latestEvent;
    }

    public List<String> getRecentEventIds() {
        return recentEventIds;
    }

    public boolean hasRecentEvents() {
        return !recentEventIds.isEmpty();
    }

    public List<NoteRow> getNotes() {
        return notes;
    }

    public boolean hasNotes() {
        return !notes.isEmpty();
    }

    /** The status in one word, as the list and the filter show it. */
    static String statusLabel(IssueStatus status) {
        switch (status) {
            case RESOLVED:
                return "Resolved";
            case MUTED:
                return "Muted";
            default:
                return "Unresolved";
        }
    }

    /** The status with how a mute ends, e.g. "Muted until 1 Dec 2026, 00:00 UTC". */
    static String statusDetail(Issue issue) {
        if (issue.mute().isEmpty()) {
            return statusLabel(issue.status());
        }
        return issue.mute().get().fold(
                forever -> "Muted until someone unmutes it",
                untilTime -> "Muted until " + Dates.shown(untilTime.until()),
                count -> {
                    long more = Math.max(0, count.eventCount() - issue.eventCount());
                    return "Muted until " + more + (more == 1 ? " more event" : " more events") + " (event #"
                            + count.eventCount() + ")";
                });
    }

    /** "You", the person's display name (chosen by them, so made visible like all foreign text), or "A former member". */
    private static String person(UserId user, UserId reader, Map<UserId, DisplayName> names) {
        if (user.equals(reader)) {
            return "You";
        }
        return Optional.ofNullable(names.get(user)).map(name -> DisplayText.of(name.value())).orElse("A former member");
    }

    /** The latest event's crash, as reported. */
    public record LatestEvent(String id, String occurredAt, String occurredAtIso, String exceptionType,
            String message, List<FrameRow> frames, String environment, String release) {

        static LatestEvent of(Event event) {
            return new LatestEvent(event.id().toString(), Dates.shown(event.occurredAt()),
                    Dates.machine(event.occurredAt()), DisplayText.of(event.exceptionType()),
                    DisplayText.of(event.message()), event.frames().stream().map(FrameRow::of).toList(),
                    shown(event.environment()), shown(event.release()));
        }

        public boolean hasMessage() {
            return !message.isBlank();
        }

        public boolean hasFrames() {
            return !frames.isEmpty();
        }

        private static String shown(Optional<String> value) {
            return value.map(DisplayText::of).orElse("Not reported");
        }
    }

    /** One stack frame, in the order Java prints them (the frame that threw first). */
    public record FrameRow(String function, String location, boolean inApp) {
        static FrameRow of(StackFrame frame) {
            return new FrameRow(DisplayText.of(frame.function().isEmpty() ? "?" : frame.function()),
                    DisplayText.of((frame.file().isEmpty() ? "?" : frame.file())
                            + (frame.line() > 0 ? ":" + frame.line() : "")),
                    frame.inApp());
        }
    }

    /** A note, oldest first. */
    public record NoteRow(String author, String written, String writtenIso, String body) {
        static NoteRow of(Note note, UserId reader, Map<UserId, DisplayName> names) {
            return new NoteRow(person(note.author(), reader, names), Dates.shown(note.createdAt()),
                    Dates.machine(note.createdAt()), DisplayText.of(note.body()));
        }
    }
}
