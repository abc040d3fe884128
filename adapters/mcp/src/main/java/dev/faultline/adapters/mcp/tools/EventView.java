package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.StackFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An event as the tools show it, in full (with the stack trace) or as a list entry: JSON, schema and text side
 * by side. Everything but ids, times and level is crash-report text.
 */
final class EventView {
    static final List<String> UNTRUSTED = List.of("exception_type", "message", "frames[].file",
            "frames[].function", "environment", "release", "tags", "user");
    static final List<String> UNTRUSTED_IN_SUMMARY = List.of("exception_type", "message_excerpt", "environment",
            "release");
    static final int EXCERPT_LENGTH = 200;

    private EventView() {
    }

    static ObjectNode schema() {
        return Schemas.object()
                .required("id", Schemas.uuid("Event id, for get_event."))
                .required("issue_id", Schemas.uuid(null))
                .required("occurred_at", Schemas.dateTime(null))
                .required("level", level())
                .required("exception_type", Schemas.string(null))
                .required("message", Schemas.string("The full message; may span lines, may be empty."))
                .required("frames", Schemas.arrayOf(frameSchema(),
                        "Stack trace in the order Java prints it: the frame that threw first."))
                .required("environment", Schemas.nullable(Schemas.string(null)))
                .required("release", Schemas.nullable(Schemas.string(null)))
                .required("tags", Schemas.mapOf(Schemas.string(null), "Tags reported with the event."))
                .required("user", Schemas.nullable(userSchema()))
                .build();
    }

    static ObjectNode summarySchema() {
        return Schemas.object()
                .required("id", Schemas.uuid("Event id, for get_event."))
                .required("occurred_at", Schemas.dateTime(null))
                .required("level", level())
                .required("exception_type", Schemas.string(null))
                .required("message_excerpt", Schemas.string(
                        "The first line of the message, at most " + EXCERPT_LENGTH + " characters; may be empty."))
                .required("environment", Schemas.nullable(Schemas.string(null)))
                .required("release", Schemas.nullable(Schemas.string(null)))
                .build();
    }

    private static ObjectNode level() {
        return Schemas.oneOf(null, Arrays.stream(Level.values()).map(Level::wireName).toList());
    }

    private static ObjectNode frameSchema() {
        return Schemas.object()
                .required("file", Schemas.string("May be empty."))
                .required("function", Schemas.string("May be empty."))
                .required("line", Schemas.integer("0 when unknown.", 0, Integer.MAX_VALUE))
                .required("in_app", Schemas.bool("True for the application's own code, false for libraries."))
                .build();
    }

    private static ObjectNode userSchema() {
        return Schemas.object()
                .describedAs("Who ran into the crash, as the reporting SDK described them.")
                .required("id", Schemas.nullable(Schemas.string(null)))
                .required("email", Schemas.nullable(Schemas.string(null)))
                .required("ip_address", Schemas.nullable(Schemas.string(null)))
                .build();
    }

    static ObjectNode json(Event event) {
        ObjectNode json = Schemas.JSON.objectNode();
        json.put("id", event.id().toString());
        json.put("issue_id", event.issueId().toString());
        json.put("occurred_at", event.occurredAt().toString());
        json.put("level", event.level().wireName());
        json.put("exception_type", event.exceptionType());
        json.put("message", event.message());
        ArrayNode frames = json.putArray("frames");
        for (StackFrame frame : event.frames()) {
            ObjectNode f = frames.addObject();
            f.put("file", frame.file());
            f.put("function", frame.function());
            f.put("line", frame.line());
            f.put("in_app", frame.inApp());
        }
        putOptional(json, "environment", event.environment());
        putOptional(json, "release", event.release());
        ObjectNode tags = json.putObject("tags");
        event.tags().forEach(tags::put);
        if (event.user().isPresent()) {
            AffectedUser user = event.user().get();
            ObjectNode u = json.putObject("user");
            putOptional(u, "id", user.id());
            putOptional(u, "email", user.email());
            putOptional(u, "ip_address", user.ipAddress());
        } else {
            json.putNull("user");
        }
        return json;
    }

    static ObjectNode summaryJson(Event event) {
        ObjectNode json = Schemas.JSON.objectNode();
        json.put("id", event.id().toString());
        json.put("occurred_at", event.occurredAt().toString());
        json.put("level", event.level().wireName());
        json.put("exception_type", event.exceptionType());
        json.put("message_excerpt", excerpt(event.message()));
        putOptional(json, "environment", event.environment());
        putOptional(json, "release", event.release());
        return json;
    }

    static String facts(Event event) {
        return "event " + event.id() + " · issue " + event.issueId() + " · occurred " + event.occurredAt()
                + " · level " + event.level().wireName();
    }

    /** The event in full, for inside the untrusted fence. */
    static String text(Event event) {
        StringBuilder text = new StringBuilder();
        text.append("exception type: ").append(event.exceptionType()).append('\n');
        text.append("message:").append(event.message().isBlank() ? " (empty)\n" : "\n" + event.message().indent(2));
        text.append("stack trace (the frame that threw first):");
        if (event.frames().isEmpty()) {
            text.append(" (none)");
        }
        for (StackFrame frame : event.frames()) {
            text.append("\n  at ").append(frame.function().isEmpty() ? "?" : frame.function()).append(" (")
                    .append(frame.file().isEmpty() ? "?" : frame.file())
                    .append(frame.line() > 0 ? ":" + frame.line() : "").append(')')
                    .append(frame.inApp() ? " [in app]" : "");
        }
        text.append("\nenvironment: ").append(event.environment().orElse("(none)"));
        text.append("\nrelease: ").append(event.release().orElse("(none)"));
        text.append("\ntags: ").append(event.tags().isEmpty() ? "(none)" : event.tags().entrySet().stream()
                .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(", ")));
        text.append("\naffected user: ").append(event.user().map(EventView::userText).orElse("(none)"));
        return text.toString();
    }

    /** A list entry, for inside the untrusted fence. */
    static String summaryText(Event event) {
        return "- " + facts(event) + "\n  " + event.exceptionType() + ": " + excerpt(event.message())
                + event.environment().map(e -> "\n  environment: " + e).orElse("")
                + event.release().map(r -> "\n  release: " + r).orElse("");
    }

    private static String userText(AffectedUser user) {
        List<String> parts = new ArrayList<>();
        user.id().ifPresent(id -> parts.add("id " + id));
        user.email().ifPresent(email -> parts.add("e-mail " + email));
        user.ipAddress().ifPresent(ip -> parts.add("IP " + ip));
        return String.join(", ", parts);
    }

    static String excerpt(String message) {
        String firstLine = message.strip().lines().findFirst().orElse("").strip();
        if (firstLine.length() <= EXCERPT_LENGTH) {
            return firstLine;
        }
        int end = Character.isHighSurrogate(firstLine.charAt(EXCERPT_LENGTH - 2)) ? EXCERPT_LENGTH - 2
                : EXCERPT_LENGTH - 1;
        return firstLine.substring(0, end) + "…";
    }

    private static void putOptional(ObjectNode json, String name, Optional<String> value) {
        if (value.isPresent()) {
            json.put(name, value.get());
        } else {
            json.putNull(name);
        }
    }
}
