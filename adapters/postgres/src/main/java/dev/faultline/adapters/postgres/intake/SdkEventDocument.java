package dev.faultline.adapters.postgres.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.intake.Breadcrumb;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.LogMessage;
import dev.faultline.domain.intake.RequestInfo;
import dev.faultline.domain.intake.SdkContexts;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.intake.SdkInfo;
import dev.faultline.domain.intake.SdkThread;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The JSON document an {@link SdkEvent} is stored as ({@code ingested_events.document}), in Sentry's own field
 * names so a reader who knows the protocol knows the document. Every field of the model maps to one key; an absent
 * optional is an absent key (never {@code null}); maps are objects, lists are arrays, in order:
 *
 * <pre>
 * event_id, timestamp (ISO-8601, microseconds), platform, level
 * sdk         {name, version}
 * logentry, message   {message (the template), formatted}
 * exception   [{type, value, module, synthetic, thread_id, stacktrace}]   cause first, main exception last
 * threads     [{id, crashed, current, stacktrace}]
 * stacktrace  {frames: [{module, abs_path, filename, function, raw_function, lineno, colno,
 *                        in_app (true | false | absent = unknown), context_line, pre_context [text],
 *                        post_context [text], vars {name: text}}]}
 * fingerprint [text], transaction, release, environment, tags {key: value}
 * user        {id, email, ip_address}
 * request     {method, url, query_string, headers {name: value}, data}
 * extra       {name: text}
 * breadcrumbs [{timestamp, type, category, level, message, data {name: text}}]   oldest first
 * contexts    {name: {field: text}}
 * </pre>
 *
 * Documents stored before breadcrumbs, contexts and source lines were kept have none of those keys and read as
 * having none. Reading applies the model's checks again, so a document that no longer fits the model fails loudly.
 */
public final class SdkEventDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SdkEventDocument() {
    }

    public static String write(SdkEvent event) {
        ObjectNode root = JSON.createObjectNode();
        root.put("event_id", event.eventId().value());
        root.put("timestamp", event.timestamp().toString());
        event.platform().ifPresent(p -> root.put("platform", p.value()));
        root.put("level", event.level().wireName());
        event.sdk().ifPresent(sdk -> root.putObject("sdk").put("name", sdk.name()).put("version", sdk.version()));
        event.logentry().ifPresent(m -> writeMessage(root.putObject("logentry"), m));
        event.message().ifPresent(m -> writeMessage(root.putObject("message"), m));
        ArrayNode exceptions = root.putArray("exception");
        event.exceptions().forEach(e -> {
            ObjectNode node = exceptions.addObject();
            e.type().ifPresent(v -> node.put("type", v));
            e.value().ifPresent(v -> node.put("value", v));
            e.module().ifPresent(v -> node.put("module", v));
            node.put("synthetic", e.synthetic());
            e.threadId().ifPresent(v -> node.put("thread_id", v));
            e.stacktrace().ifPresent(s -> writeStack(node.putObject("stacktrace"), s));
        });
        ArrayNode threads = root.putArray("threads");
        event.threads().forEach(t -> {
            ObjectNode node = threads.addObject();
            t.id().ifPresent(v -> node.put("id", v));
            node.put("crashed", t.crashed());
            node.put("current", t.current());
            t.stacktrace().ifPresent(s -> writeStack(node.putObject("stacktrace"), s));
        });
        event.stacktrace().ifPresent(s -> writeStack(root.putObject("stacktrace"), s));
        ArrayNode fingerprint = root.putArray("fingerprint");
        event.fingerprint().forEach(fingerprint::add);
        event.transaction().ifPresent(v -> root.put("transaction", v));
        event.release().ifPresent(v -> root.put("release", v));
        event.environment().ifPresent(v -> root.put("environment", v));
        writeMap(root.putObject("tags"), event.tags());
        event.user().ifPresent(u -> {
            ObjectNode node = root.putObject("user");
            u.id().ifPresent(v -> node.put("id", v));
            u.email().ifPresent(v -> node.put("email", v));
            u.ipAddress().ifPresent(v -> node.put("ip_address", v));
        });
        event.request().ifPresent(r -> {
            ObjectNode node = root.putObject("request");
            r.method().ifPresent(v -> node.put("method", v));
            r.url().ifPresent(v -> node.put("url", v));
            r.queryString().ifPresent(v -> node.put("query_string", v));
            writeMap(node.putObject("headers"), r.headers());
            r.data().ifPresent(v -> node.put("data", v));
        });
        writeMap(root.putObject("extra"), event.extra());
        ArrayNode breadcrumbs = root.putArray("breadcrumbs");
        event.breadcrumbs().forEach(c -> {
            ObjectNode node = breadcrumbs.addObject();
            c.timestamp().ifPresent(v -> node.put("timestamp", v.toString()));
            c.type().ifPresent(v -> node.put("type", v));
            c.category().ifPresent(v -> node.put("category", v));
            c.level().ifPresent(v -> node.put("level", v.wireName()));
            c.message().ifPresent(v -> node.put("message", v));
            writeMap(node.putObject("data"), c.data());
        });
        ObjectNode contexts = root.putObject("contexts");
        event.contexts().values().forEach((name, fields) -> writeMap(contexts.putObject(name), fields));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
        }
    }

    public static SdkEvent read(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event document is not JSON", e);
        }
        SdkEvent.Builder b = SdkEvent.builder(new SdkEventId(root.get("event_id").textValue()),
                Instant.parse(root.get("timestamp").textValue()));
        text(root, "platform").map(Platform::new).ifPresent(b::platform);
        b.level(Level.parse(root.get("level").textValue()));
        object(root, "sdk").ifPresent(n -> b.sdk(new SdkInfo(n.get("name").textValue(), n.get("version").textValue())));
        object(root, "logentry").map(SdkEventDocument::readMessage).ifPresent(b::logentry);
        object(root, "message").map(SdkEventDocument::readMessage).ifPresent(b::message);
        b.exceptions(list(root, "exception", n -> new ExceptionValue(text(n, "type"), text(n, "value"),
                text(n, "module"), n.path("synthetic").asBoolean(), text(n, "thread_id"),
                object(n, "stacktrace").map(SdkEventDocument::readStack))));
        b.threads(list(root, "threads", n -> new SdkThread(text(n, "id"), n.path("crashed").asBoolean(),
                n.path("current").asBoolean(), object(n, "stacktrace").map(SdkEventDocument::readStack))));
        object(root, "stacktrace").map(SdkEventDocument::readStack).ifPresent(b::stacktrace);
        b.fingerprint(list(root, "fingerprint", JsonNode::textValue));
        text(root, "transaction").ifPresent(b::transaction);
        text(root, "release").ifPresent(b::release);
        text(root, "environment").ifPresent(b::environment);
        b.tags(map(root.get("tags")));
        object(root, "user").ifPresent(n -> b.user(new AffectedUser(text(n, "id"), text(n, "email"),
                text(n, "ip_address"))));
        object(root, "request").ifPresent(n -> b.request(new RequestInfo(text(n, "method"), text(n, "url"),
                text(n, "query_string"), map(n.get("headers")), text(n, "data"))));
        b.extra(map(root.get("extra")));
        b.breadcrumbs(list(root, "breadcrumbs", n -> new Breadcrumb(text(n, "timestamp").map(Instant::parse),
                text(n, "type"), text(n, "category"), text(n, "level").map(Level::parse), text(n, "message"),
                map(n.get("data")))));
        TreeMap<String, SortedMap<String, String>> contexts = new TreeMap<>();
        object(root, "contexts").ifPresent(n -> n.fields().forEachRemaining(c -> contexts.put(c.getKey(),
                map(c.getValue()))));
        b.contexts(new SdkContexts(contexts));
        return b.build();
    }

    private static void writeMessage(ObjectNode node, LogMessage message) {
        message.template().ifPresent(v -> node.put("message", v));
        message.formatted().ifPresent(v -> node.put("formatted", v));
    }

    private static LogMessage readMessage(JsonNode node) {
        return new LogMessage(text(node, "message"), text(node, "formatted"));
    }

    private static void writeStack(ObjectNode node, Stacktrace stack) {
        ArrayNode frames = node.putArray("frames");
        for (Frame f : stack.frames()) {
            ObjectNode frame = frames.addObject();
            f.module().ifPresent(v -> frame.put("module", v));
            f.absPath().ifPresent(v -> frame.put("abs_path", v));
            f.filename().ifPresent(v -> frame.put("filename", v));
            f.function().ifPresent(v -> frame.put("function", v));
            f.rawFunction().ifPresent(v -> frame.put("raw_function", v));
            f.lineno().ifPresent(v -> frame.put("lineno", v));
            f.colno().ifPresent(v -> frame.put("colno", v));
            if (f.inApp() != InApp.UNKNOWN) {
                frame.put("in_app", f.inApp() == InApp.YES);
            }
            f.contextLine().ifPresent(v -> frame.put("context_line", v));
            if (!f.preContext().isEmpty()) {
                f.preContext().forEach(frame.putArray("pre_context")::add);
            }
            if (!f.postContext().isEmpty()) {
                f.postContext().forEach(frame.putArray("post_context")::add);
            }
            writeMap(frame.putObject("vars"), f.vars());
        }
    }

    private static Stacktrace readStack(JsonNode node) {
        return new Stacktrace(list(node, "frames", f -> new Frame(text(f, "module"), text(f, "abs_path"),
                text(f, "filename"), text(f, "function"), text(f, "raw_function"), integer(f, "lineno"),
                integer(f, "colno"), f.has("in_app") ? InApp.of(f.get("in_app").asBoolean()) : InApp.UNKNOWN,
                text(f, "context_line"), list(f, "pre_context", JsonNode::textValue),
                list(f, "post_context", JsonNode::textValue), map(f.get("vars")))));
    }

    private static void writeMap(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    private static SortedMap<String, String> map(JsonNode node) {
        SortedMap<String, String> values = new TreeMap<>();
        if (node != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                values.put(field.getKey(), field.getValue().textValue());
            }
        }
        return values;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.textValue());
    }

    private static OptionalInt integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? OptionalInt.empty() : OptionalInt.of(value.intValue());
    }

    private static Optional<JsonNode> object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isObject() ? Optional.empty() : Optional.of(value);
    }

    private static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> element) {
        List<T> values = new ArrayList<>();
        JsonNode array = node.get(field);
        if (array != null) {
            array.forEach(n -> values.add(element.apply(n)));
        }
        return values;
    }
}
