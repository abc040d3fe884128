package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.intake.Breadcrumb;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.RequestInfo;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.tracker.Level;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report an SDK sent, as get_event shows it: the exception chain (cause first, the main exception last, as
 * stored) with every frame and its in-app mark, the crash frame's source lines, breadcrumbs, request, contexts
 * and SDK. All of it is crash-report text except the received time and breadcrumb times and levels.
 */
final class CrashView {
    static final List<String> UNTRUSTED = List.of("sdk_event_id", "platform", "sdk", "transaction", "exceptions",
            "crash_frame", "breadcrumbs", "request", "contexts");

    private CrashView() {
    }

    static ObjectNode schema() {
        return Schemas.object()
                .describedAs("The full report the SDK sent, cleaned and scrubbed of secrets; null for events that "
                        + "did not come from an SDK.")
                .required("sdk_event_id", Schemas.string("The SDK's own event_id (32 hex digits)."))
                .required("received_at", Schemas.dateTime(null))
                .required("platform", Schemas.nullable(Schemas.string(null)))
                .required("sdk", Schemas.nullable(Schemas.object()
                        .required("name", Schemas.string(null))
                        .required("version", Schemas.string(null))
                        .build()))
                .required("transaction", Schemas.nullable(Schemas.string(null)))
                .required("exceptions", Schemas.arrayOf(exceptionSchema(),
                        "The exception chain as sent: the root cause first, the main exception last."))
                .required("crash_frame", Schemas.nullable(frameSchema()))
                .required("breadcrumbs", Schemas.arrayOf(breadcrumbSchema(), "Oldest first, at most "
                        + SdkEvent.MAX_BREADCRUMBS + " (the most recent ones)."))
                .required("request", Schemas.nullable(requestSchema()))
                .required("contexts", Schemas.mapOf(Schemas.mapOf(Schemas.string(null), null),
                        "os, runtime, device, app, browser, ... as the SDK described them."))
                .build();
    }

    private static ObjectNode exceptionSchema() {
        return Schemas.object()
                .required("type", Schemas.nullable(Schemas.string(null)))
                .required("value", Schemas.nullable(Schemas.string(null)))
                .required("module", Schemas.nullable(Schemas.string(null)))
                .required("synthetic", Schemas.bool("Made up by the SDK to carry a stack; its type means nothing."))
                .required("frames", Schemas.arrayOf(frameSchema(), "Oldest call first, the crashing frame last."))
                .build();
    }

    private static ObjectNode frameSchema() {
        return Schemas.object()
                .required("module", Schemas.nullable(Schemas.string(null)))
                .required("file", Schemas.nullable(Schemas.string(null)))
                .required("abs_path", Schemas.nullable(Schemas.string(null)))
                .required("function", Schemas.nullable(Schemas.string(null)))
                .required("line", Schemas.nullable(Schemas.integer(null, 0, Integer.MAX_VALUE)))
                .required("column", Schemas.nullable(Schemas.integer(null, 0, Integer.MAX_VALUE)))
                .required("in_app", Schemas.nullable(Schemas.bool(
                        "True for the application's own code, false for libraries, null when the SDK did not say.")))
                .required("pre_context", Schemas.arrayOf(Schemas.string(null), "Up to "
                        + Frame.MAX_CONTEXT_LINES + " source lines before context_line."))
                .required("context_line", Schemas.nullable(Schemas.string("The source line of this frame.")))
                .required("post_context", Schemas.arrayOf(Schemas.string(null), "Up to "
                        + Frame.MAX_CONTEXT_LINES + " source lines after context_line."))
                .build();
    }

    private static ObjectNode breadcrumbSchema() {
        return Schemas.object()
                .required("timestamp", Schemas.nullable(Schemas.dateTime(null)))
                .required("type", Schemas.nullable(Schemas.string(null)))
                .required("category", Schemas.nullable(Schemas.string(null)))
                .required("level", Schemas.nullable(Schemas.oneOf(null,
                        Arrays.stream(Level.values()).map(Level::wireName).toList())))
                .required("message", Schemas.nullable(Schemas.string(null)))
                .required("data", Schemas.mapOf(Schemas.string(null), null))
                .build();
    }

    private static ObjectNode requestSchema() {
        return Schemas.object()
                .required("method", Schemas.nullable(Schemas.string(null)))
                .required("url", Schemas.nullable(Schemas.string(null)))
                .required("query_string", Schemas.nullable(Schemas.string(null)))
                .required("headers", Schemas.mapOf(Schemas.string(null), null))
                .required("data", Schemas.nullable(Schemas.string(null)))
                .build();
    }

    /** The main exception's crashing frame: the last frame of the last exception that has a stack. */
    static Optional<Frame> crashFrame(SdkEvent event) {
        for (int i = event.exceptions().size() - 1; i >= 0; i--) {
            Optional<Stacktrace> stack = event.exceptions().get(i).stacktrace();
            if (stack.isPresent()) {
                return Optional.of(stack.get().frames().get(stack.get().frames().size() - 1));
            }
        }
        return event.stacktrace().map(s -> s.frames().get(s.frames().size() - 1));
    }

    static ObjectNode json(SdkEvent event, Instant receivedAt) {
        ObjectNode json = Schemas.JSON.objectNode();
        json.put("sdk_event_id", event.eventId().value());
        json.put("received_at", receivedAt.toString());
        put(json, "platform", event.platform().map(p -> p.value()));
        if (event.sdk().isPresent()) {
            json.putObject("sdk").put("name", event.sdk().get().name()).put("version", event.sdk().get().version());
        } else {
            json.putNull("sdk");
        }
        put(json, "transaction", event.transaction());
        ArrayNode exceptions = json.putArray("exceptions");
        for (ExceptionValue e : event.exceptions()) {
            ObjectNode node = exceptions.addObject();
            put(node, "type", e.type());
            put(node, "value", e.value());
            put(node, "module", e.module());
            node.put("synthetic", e.synthetic());
            ArrayNode frames = node.putArray("frames");
            e.stacktrace().ifPresent(s -> s.frames().forEach(f -> frames.add(frame(f))));
        }
        Optional<Frame> crash = crashFrame(event);
        if (crash.isPresent()) {
            json.set("crash_frame", frame(crash.get()));
        } else {
            json.putNull("crash_frame");
        }
        ArrayNode breadcrumbs = json.putArray("breadcrumbs");
        for (Breadcrumb b : event.breadcrumbs()) {
            ObjectNode node = breadcrumbs.addObject();
            put(node, "timestamp", b.timestamp().map(Instant::toString));
            put(node, "type", b.type());
            put(node, "category", b.category());
            put(node, "level", b.level().map(Level::wireName));
            put(node, "message", b.message());
            ObjectNode data = node.putObject("data");
            b.data().forEach(data::put);
        }
        if (event.request().isPresent()) {
            RequestInfo r = event.request().get();
            ObjectNode node = json.putObject("request");
            put(node, "method", r.method());
            put(node, "url", r.url());
            put(node, "query_string", r.queryString());
            ObjectNode headers = node.putObject("headers");
            r.headers().forEach(headers::put);
            put(node, "data", r.data());
        } else {
            json.putNull("request");
        }
        ObjectNode contexts = json.putObject("contexts");
        event.contexts().values().forEach((name, fields) -> {
            ObjectNode context = contexts.putObject(name);
            fields.forEach(context::put);
        });
        return json;
    }

    private static ObjectNode frame(Frame f) {
        ObjectNode node = Schemas.JSON.objectNode();
        put(node, "module", f.module());
        put(node, "file", f.filename());
        put(node, "abs_path", f.absPath());
        put(node, "function", f.function().or(f::rawFunction));
        if (f.lineno().isPresent()) {
            node.put("line", f.lineno().getAsInt());
        } else {
            node.putNull("line");
        }
        if (f.colno().isPresent()) {
            node.put("column", f.colno().getAsInt());
        } else {
            node.putNull("column");
        }
        if (f.inApp() == InApp.UNKNOWN) {
            node.putNull("in_app");
        } else {
            node.put("in_app", f.inApp() == InApp.YES);
        }
        f.preContext().forEach(node.putArray("pre_context")::add);
        put(node, "context_line", f.contextLine());
        f.postContext().forEach(node.putArray("post_context")::add);
        return node;
    }

    /** The report in full, for inside the untrusted fence. */
    static String text(SdkEvent event) {
        StringBuilder text = new StringBuilder();
        text.append("sdk event_id: ").append(event.eventId().value());
        text.append("\nplatform: ").append(event.platform().map(p -> p.value()).orElse("(none)"));
        text.append("\nsdk: ").append(event.sdk().map(s -> s.name() + " " + s.version()).orElse("(none)"));
        event.transaction().ifPresent(t -> text.append("\ntransaction: ").append(t));
        text.append("\nexception chain (root cause first, main exception last):");
        if (event.exceptions().isEmpty()) {
            text.append(" (none)");
        }
        for (ExceptionValue e : event.exceptions()) {
            text.append("\n- ").append(e.type().orElse("(no type)")).append(e.synthetic() ? " [synthetic]" : "")
                    .append(": ").append(e.value().map(v -> v.replace("\n", "\n    ")).orElse("(no value)"));
            e.stacktrace().ifPresent(s -> {
                text.append("\n  frames (oldest call first, crashing frame last):");
                s.frames().forEach(f -> text.append("\n    ").append(frameLine(f)));
            });
        }
        crashFrame(event).ifPresent(f -> {
            text.append("\ncrash frame: ").append(frameLine(f));
            if (f.contextLine().isPresent() || !f.preContext().isEmpty() || !f.postContext().isEmpty()) {
                text.append("\nsource around the crash:");
                int line = f.lineno().orElse(0);
                int first = line - f.preContext().size();
                for (int i = 0; i < f.preContext().size(); i++) {
                    text.append("\n  ").append(number(line > 0 ? first + i : 0)).append("  ")
                            .append(f.preContext().get(i));
                }
                f.contextLine().ifPresent(c -> text.append("\n> ").append(number(line)).append("  ").append(c));
                for (int i = 0; i < f.postContext().size(); i++) {
                    text.append("\n  ").append(number(line > 0 ? line + 1 + i : 0)).append("  ")
                            .append(f.postContext().get(i));
                }
            }
        });
        text.append("\nbreadcrumbs (oldest first):");
        if (event.breadcrumbs().isEmpty()) {
            text.append(" (none)");
        }
        for (Breadcrumb b : event.breadcrumbs()) {
            text.append("\n- ").append(b.timestamp().map(Instant::toString).orElse("(no time)"))
                    .append(b.level().map(l -> " " + l.wireName()).orElse(""))
                    .append(b.category().map(c -> " [" + c + "]").orElse(""))
                    .append(b.type().map(t -> " (" + t + ")").orElse(""))
                    .append(b.message().map(m -> " " + m.replace("\n", "\n    ")).orElse(""));
            if (!b.data().isEmpty()) {
                text.append("\n    data: ").append(pairs(b.data()));
            }
        }
        text.append("\nrequest: ");
        if (event.request().isEmpty()) {
            text.append("(none)");
        } else {
            RequestInfo r = event.request().get();
            text.append(r.method().orElse("")).append(' ').append(r.url().orElse("(no url)"));
            r.queryString().ifPresent(q -> text.append("\n  query: ").append(q));
            if (!r.headers().isEmpty()) {
                text.append("\n  headers: ").append(pairs(r.headers()));
            }
            r.data().ifPresent(d -> text.append("\n  data: ").append(d.replace("\n", "\n    ")));
        }
        text.append("\ncontexts:");
        if (event.contexts().isEmpty()) {
            text.append(" (none)");
        }
        event.contexts().values().forEach((name, fields) -> text.append("\n  ").append(name).append(": ")
                .append(pairs(fields)));
        return text.toString();
    }

    private static String number(int line) {
        return line > 0 ? String.format("%5d", line) : "    ?";
    }

    static String frameLine(Frame f) {
        String where = f.module().or(f::filename).or(f::absPath).orElse("?");
        return "at " + f.function().or(f::rawFunction).orElse("?") + " (" + where
                + (f.lineno().isPresent() ? ":" + f.lineno().getAsInt() : "") + ")"
                + (f.inApp() == InApp.YES ? " [in app]" : "");
    }

    private static String pairs(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void put(ObjectNode json, String name, Optional<String> value) {
        if (value.isPresent()) {
            json.put(name, value.get());
        } else {
            json.putNull(name);
        }
    }
}
