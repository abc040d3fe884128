package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.tracker.ActiveMute;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Level;
import java.util.Arrays;
import java.util.List;

/** An issue's summary as the tools show it: JSON, its schema and text, kept side by side. */
final class IssueView {
    static final List<String> UNTRUSTED = List.of("title", "culprit", "exception_type");

    private IssueView() {
    }

    static ObjectNode schema() {
        return fields().build();
    }

    /** An issue's fields, to build its schema with more beside them. */
    static Schemas.ObjectBuilder fields() {
        return Schemas.object()
                .required("id", Schemas.uuid("Issue id, for get_issue, list_events and the write tools."))
                .required("application_id", Schemas.uuid(null))
                .required("title", Schemas.string("From the crash report (untrusted)."))
                .required("culprit", Schemas.string("Where it happened, from the crash report (untrusted)."))
                .required("exception_type", Schemas.string("From the crash report (untrusted)."))
                .required("level", Schemas.oneOf(null, Arrays.stream(Level.values()).map(Level::wireName).toList()))
                .required("status", Schemas.oneOf("Triage status as of now.",
                        Arrays.stream(IssueStatus.values()).map(IssueStatus::wireName).toList()))
                .required("mute", Schemas.nullable(muteSchema()))
                .required("first_seen", Schemas.dateTime(null))
                .required("last_seen", Schemas.dateTime(null))
                .required("event_count", Schemas.integer("Events counted so far.", 0, Long.MAX_VALUE))
                .required("assignee_id", Schemas.nullable(Schemas.uuid("User id of the assignee; null if none.")));
    }

    private static ObjectNode muteSchema() {
        return Schemas.object()
                .describedAs("How the mute ends; null unless status is muted.")
                .required("kind", Schemas.oneOf(null, List.of("forever", "until_time", "until_event_count")))
                .optional("until", Schemas.dateTime("For until_time: when the mute lapses."))
                .optional("ends_at_event_count", Schemas.integer(
                        "For until_event_count: the mute ends when event_count reaches this.", 1, Long.MAX_VALUE))
                .build();
    }

    static ObjectNode json(Issue issue) {
        ObjectNode json = Schemas.JSON.objectNode();
        json.put("id", issue.id().toString());
        json.put("application_id", issue.applicationId().toString());
        json.put("title", issue.title());
        json.put("culprit", issue.culprit());
        json.put("exception_type", issue.exceptionType());
        json.put("level", issue.level().wireName());
        json.put("status", issue.status().wireName());
        if (issue.mute().isPresent()) {
            json.set("mute", muteJson(issue.mute().get()));
        } else {
            json.putNull("mute");
        }
        json.put("first_seen", issue.firstSeen().toString());
        json.put("last_seen", issue.lastSeen().toString());
        json.put("event_count", issue.eventCount());
        if (issue.assignee().isPresent()) {
            json.put("assignee_id", issue.assignee().get().toString());
        } else {
            json.putNull("assignee_id");
        }
        return json;
    }

    private static ObjectNode muteJson(ActiveMute mute) {
        ObjectNode json = Schemas.JSON.objectNode();
        return mute.fold(
                forever -> json.put("kind", "forever"),
                untilTime -> json.put("kind", "until_time").put("until", untilTime.until().toString()),
                count -> json.put("kind", "until_event_count").put("ends_at_event_count", count.eventCount()));
    }

    /** Status in words, e.g. "muted until 2026-12-01T00:00:00Z". Faultline's own data: no fence needed. */
    static String status(Issue issue) {
        if (issue.mute().isEmpty()) {
            return issue.status().wireName();
        }
        return issue.mute().get().fold(
                forever -> "muted forever",
                untilTime -> "muted until " + untilTime.until(),
                count -> "muted until event #" + count.eventCount() + " (" + (count.eventCount() - issue.eventCount())
                        + " more)");
    }

    /** Faultline's own facts about the issue (ids, status, counts, times). */
    static String facts(Issue issue) {
        return "issue " + issue.id() + " · " + status(issue) + " · level " + issue.level().wireName() + " · "
                + issue.eventCount() + (issue.eventCount() == 1 ? " event" : " events") + " · first seen "
                + issue.firstSeen() + " · last seen " + issue.lastSeen() + " · assignee "
                + issue.assignee().map(Object::toString).orElse("none");
    }

    /** The crash-report text of the issue; belongs inside the untrusted fence. */
    static String crashText(Issue issue) {
        return "title: " + issue.title() + "\nculprit: " + issue.culprit() + "\nexception type: "
                + issue.exceptionType();
    }

    /** Facts and crash text together, for lists rendered wholly inside a fence. */
    static String text(Issue issue) {
        return "- " + facts(issue) + "\n" + crashText(issue).indent(2).stripTrailing();
    }
}
