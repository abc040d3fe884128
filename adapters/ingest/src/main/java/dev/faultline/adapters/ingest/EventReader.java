package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.adapters.ingest.Normalisation.Reason;
import dev.faultline.domain.intake.ExceptionValue;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads one Sentry event (an envelope's {@code event} item or a {@code /store/} body, as a Jackson tree) into the
 * intake model. Real payloads are dirty and a refused crash is lost for good (SDKs do not retry), so benign dirt
 * is cleaned, never refused: {@code null} anywhere is absence; NUL characters go; over-long text, stacks and
 * lists are trimmed to the model's limits; wrong types are converted or dropped; timestamps are read as numbers
 * or ISO text and corrected for clock drift. Secrets in frame variables, the request, extra, contexts and
 * breadcrumb data are filtered by {@link SecretScrubber} first. The {@link Normalisation} says what changed.
 */
public final class EventReader {
    /** Relay's threshold: smaller differences are network latency, larger ones a wrong clock or time zone. */
    public static final Duration MIN_CLOCK_DRIFT = Duration.ofMinutes(55);
    /** A timestamp further ahead than this is not believed. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(1);

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern NOT_ENVIRONMENT = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern NOT_TAG_KEY = Pattern.compile("[^A-Za-z0-9._:-]");
    private static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9._+-]{0,31}");
    private static final Map<String, Level> LEVEL_ALIASES = Map.of("warn", Level.WARNING,
            "critical", Level.FATAL, "log", Level.INFO);
    private static final Set<String> AUTO_ADDRESS = Set.of("{{auto}}", "{{ auto }}");

    /** An event as read, and what reading it changed. */
    public record Result(SdkEvent event, Normalisation normalisation) {
    }

    private final Supplier<String> freshIds;

    public EventReader() {
        this(() -> UUID.randomUUID().toString().replace("-", ""));
    }

    EventReader(Supplier<String> freshIds) {
        this.freshIds = freshIds;
    }

    public Result read(JsonNode event, Instant receivedAt) {
        return read(event, Optional.empty(), Optional.empty(), receivedAt);
    }

    /**
     * @param envelopeEventId the envelope header's {@code event_id}, which wins over the payload's
     * @param sentAt the envelope header's {@code sent_at}, the sender's clock at sending, for drift correction
     * @throws IllegalArgumentException if {@code event} is not a JSON object (a malformed item, not dirt)
     */
    public Result read(JsonNode event, Optional<String> envelopeEventId, Optional<Instant> sentAt,
            Instant receivedAt) {
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("an event is a JSON object");
        }
        return new Reading(event, receivedAt).read(envelopeEventId, sentAt);
    }

    /** One read: the recorder and its helpers live as long as one event. */
    private final class Reading {
        private final JsonNode event;
        private final Instant receivedAt;
        private final Normalisation.Recorder recorder = new Normalisation.Recorder();
        private final Json json = new Json(recorder);
        private final Clean clean = new Clean(recorder);
        private final SecretScrubber scrubber = new SecretScrubber(recorder);
        private final StacktraceReader stacks = new StacktraceReader(json, clean, scrubber, recorder);
        /** What the sender's clock is off by, when it is off by enough to correct; applied to every timestamp. */
        private Duration drift = Duration.ZERO;

        Reading(JsonNode event, Instant receivedAt) {
            this.event = event;
            this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        }

        Result read(Optional<String> envelopeEventId, Optional<Instant> sentAt) {
            SdkEvent.Builder builder = SdkEvent.builder(eventId(envelopeEventId), timestamp(sentAt))
                    .level(level());
            platform().ifPresent(builder::platform);
            sdk().ifPresent(builder::sdk);
            logMessage(event.get("logentry")).ifPresent(builder::logentry);
            logMessage(event.get("message")).ifPresent(builder::message);
            builder.exceptions(exceptions());
            builder.threads(threads());
            stacks.read(event).ifPresent(builder::stacktrace);
            builder.fingerprint(fingerprint());
            line("transaction", SdkEvent.MAX_TRANSACTION_LENGTH).ifPresent(builder::transaction);
            line("release", SdkEvent.MAX_RELEASE_LENGTH).ifPresent(builder::release);
            clean.name(json.text(event, "environment"), NOT_ENVIRONMENT, 64).ifPresent(builder::environment);
            builder.tags(tags());
            user().ifPresent(builder::user);
            request().ifPresent(builder::request);
            builder.extra(extra());
            builder.breadcrumbs(new BreadcrumbReader(json, clean, scrubber, recorder, drift)
                    .read(event));
            builder.contexts(contexts());
            return new Result(builder.build(), recorder.report());
        }

        private Optional<String> line(String field, int max) {
            return clean.line(json.text(event, field), max);
        }

        private SdkEventId eventId(Optional<String> envelopeEventId) {
            Optional<String> id = envelopeEventId.flatMap(EventReader::hexId)
                    .or(() -> json.text(event, "event_id").flatMap(EventReader::hexId));
            if (id.isEmpty()) {
                recorder.add(Reason.EVENT_ID_GENERATED);
            }
            return new SdkEventId(id.orElseGet(freshIds));
        }

        private Instant timestamp(Optional<Instant> sentAt) {
            Optional<Instant> sent = Timestamps.parse(event.get("timestamp"));
            if (sent.isEmpty()) {
                recorder.add(Reason.TIMESTAMP_MISSING);
                return receivedAt;
            }
            Instant timestamp = sent.get();
            if (sentAt.isPresent()) {
                Duration drift = Duration.between(sentAt.get(), receivedAt);
                if (drift.abs().compareTo(MIN_CLOCK_DRIFT) >= 0) {
                    Instant corrected = timestamp.plus(drift);
                    if (!Timestamps.storable(corrected)) {
                        recorder.add(Reason.TIMESTAMP_MISSING); // a sent_at no clock could have: not believed
                        return receivedAt;
                    }
                    recorder.add(Reason.CLOCK_DRIFT_CORRECTED);
                    this.drift = drift;
                    timestamp = corrected;
                }
            }
            if (timestamp.isAfter(receivedAt.plus(MAX_FUTURE))) {
                recorder.add(Reason.FUTURE_TIMESTAMP_CLAMPED);
                return receivedAt;
            }
            return timestamp;
        }

        private Level level() {
            Optional<String> text = json.text(event, "level").map(s -> s.strip().toLowerCase(Locale.ROOT));
            if (text.isEmpty()) {
                return Level.ERROR;
            }
            Optional<Level> known = java.util.Arrays.stream(Level.values())
                    .filter(l -> l.wireName().equals(text.get())).findFirst()
                    .or(() -> Optional.ofNullable(LEVEL_ALIASES.get(text.get())));
            if (known.isEmpty()) {
                recorder.add(Reason.LEVEL_DEFAULTED);
            }
            return known.orElse(Level.ERROR);
        }

        private Optional<Platform> platform() {
            Optional<String> text = json.text(event, "platform").map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty());
            if (text.isPresent() && !PLATFORM.matcher(text.get()).matches()) {
                recorder.add(Reason.WRONG_TYPE_DROPPED);
                return Optional.empty();
            }
            return text.map(Platform::new);
        }

        private Optional<SdkInfo> sdk() {
            return json.object(event, "sdk").flatMap(sdk -> clean.line(json.text(sdk, "name"), SdkInfo.MAX_LENGTH)
                    .map(name -> new SdkInfo(name, clean.line(json.text(sdk, "version"), SdkInfo.MAX_LENGTH)
                            .orElse("unknown"))));
        }

        /** {@code "text"}, or {@code {"message": template, "formatted": text}}. */
        private Optional<LogMessage> logMessage(JsonNode node) {
            if (Json.absent(node)) {
                return Optional.empty();
            }
            Optional<String> template = Optional.empty();
            Optional<String> formatted;
            if (node.isObject()) {
                template = messageText(json.text(node, "message"));
                formatted = messageText(json.text(node, "formatted"));
            } else {
                formatted = messageText(json.text(node));
            }
            return template.isEmpty() && formatted.isEmpty() ? Optional.empty()
                    : Optional.of(new LogMessage(template, formatted));
        }

        private Optional<String> messageText(Optional<String> raw) {
            return clean.text(raw, LogMessage.MAX_LENGTH).filter(s -> !s.isBlank());
        }

        /** The chain, cause first; beyond the limit the oldest causes go and the main exception stays. */
        private List<ExceptionValue> exceptions() {
            List<ExceptionValue> read = new ArrayList<>();
            for (JsonNode value : json.values(event, "exception")) {
                Optional<String> type = clean.line(json.text(value, "type"), ExceptionValue.MAX_TYPE_LENGTH);
                Optional<String> text = clean.text(json.text(value, "value"), ExceptionValue.MAX_VALUE_LENGTH)
                        .filter(s -> !s.isBlank());
                Optional<Stacktrace> stacktrace = stacks.read(value);
                if (type.isEmpty() && text.isEmpty() && stacktrace.isEmpty()) {
                    recorder.add(Reason.EMPTY_DROPPED);
                    continue;
                }
                boolean synthetic = json.object(value, "mechanism")
                        .flatMap(mechanism -> json.bool(mechanism, "synthetic")).orElse(false);
                read.add(new ExceptionValue(type, text,
                        clean.line(json.text(value, "module"), dev.faultline.domain.intake.Frame.MAX_LENGTH),
                        synthetic, threadId(value.get("thread_id")), stacktrace));
            }
            int excess = read.size() - SdkEvent.MAX_EXCEPTIONS;
            if (excess > 0) {
                recorder.add(Reason.ENTRIES_DROPPED, excess);
                return read.subList(excess, read.size());
            }
            return read;
        }

        private Optional<String> threadId(JsonNode id) {
            if (Json.absent(id)) {
                return Optional.empty();
            }
            // Thread ids are numbers or text in the protocol; both are the same id, so no conversion is counted.
            return clean.line(Optional.of(id.isValueNode() ? id.asText() : id.toString()), SdkThread.MAX_ID_LENGTH);
        }

        /** Threads; beyond the limit the crashed and current ones and those an exception names are kept first. */
        private List<SdkThread> threads() {
            List<SdkThread> read = new ArrayList<>();
            for (JsonNode thread : json.values(event, "threads")) {
                read.add(new SdkThread(threadId(thread.get("id")), json.bool(thread, "crashed").orElse(false),
                        json.bool(thread, "current").orElse(false), stacks.read(thread)));
            }
            if (read.size() <= SdkEvent.MAX_THREADS) {
                return read;
            }
            Set<Optional<String>> named = new java.util.HashSet<>();
            json.values(event, "exception").forEach(e -> named.add(threadId(e.get("thread_id"))));
            List<SdkThread> ordered = new ArrayList<>(read);
            ordered.sort(Comparator.comparing((SdkThread t) -> !(t.crashed() || t.current()
                    || t.id().isPresent() && named.contains(t.id()))));
            recorder.add(Reason.ENTRIES_DROPPED, read.size() - SdkEvent.MAX_THREADS);
            return ordered.subList(0, SdkEvent.MAX_THREADS);
        }

        /** {@code []} and {@code null} mean none; null entries go, numbers and booleans count as their JSON text. */
        private List<String> fingerprint() {
            JsonNode node = event.get("fingerprint");
            if (Json.absent(node)) {
                return List.of();
            }
            if (!node.isArray()) {
                recorder.add(Reason.WRONG_TYPE_DROPPED);
                return List.of();
            }
            List<String> entries = new ArrayList<>();
            int dropped = 0;
            for (JsonNode entry : node) {
                if (entry.isNull()) {
                    recorder.add(Reason.EMPTY_DROPPED);
                } else if (!entry.isValueNode()) {
                    recorder.add(Reason.WRONG_TYPE_DROPPED);
                } else if (entries.size() >= SdkEvent.MAX_FINGERPRINT_ENTRIES) {
                    dropped++;
                } else {
                    String text = entry.isTextual() ? entry.textValue() : entry.toString();
                    entries.add(clean.text(text, SdkEvent.MAX_FINGERPRINT_ENTRY_LENGTH));
                }
            }
            recorder.add(Reason.ENTRIES_DROPPED, dropped);
            return entries;
        }

        /** An object, or a list of {@code [key, value]} pairs; the first 50 by key are kept. */
        private TreeMap<String, String> tags() {
            TreeMap<String, String> tags = new TreeMap<>();
            pairs(event.get("tags")).forEach(pair -> {
                Optional<String> key = clean.name(Optional.of(pair.getKey()), NOT_TAG_KEY, 64);
                Optional<String> value = clean.line(json.text(pair.getValue()), SdkEvent.MAX_TAG_VALUE_LENGTH);
                if (key.isEmpty() || value.isEmpty()) {
                    recorder.add(Reason.EMPTY_DROPPED);
                } else {
                    tags.put(key.get(), value.get());
                }
            });
            int excess = tags.size() - SdkEvent.MAX_TAGS;
            if (excess > 0) {
                recorder.add(Reason.ENTRIES_DROPPED, excess);
                while (tags.size() > SdkEvent.MAX_TAGS) {
                    tags.pollLastEntry();
                }
            }
            return tags;
        }

        private List<Map.Entry<String, JsonNode>> pairs(JsonNode node) {
            List<Map.Entry<String, JsonNode>> pairs = new ArrayList<>();
            if (Json.absent(node)) {
                return pairs;
            }
            if (node.isObject()) {
                node.fields().forEachRemaining(pairs::add);
            } else if (node.isArray()) {
                for (JsonNode pair : node) {
                    if (pair.isArray() && pair.size() == 2 && pair.get(0).isValueNode()) {
                        pairs.add(Map.entry(pair.get(0).asText(), pair.get(1)));
                    } else {
                        recorder.add(Reason.WRONG_TYPE_DROPPED);
                    }
                }
            } else {
                recorder.add(Reason.WRONG_TYPE_DROPPED);
            }
            return pairs;
        }

        /** The application's end user; the {@code {{auto}}} address placeholder is dropped (no IP collection). */
        private Optional<AffectedUser> user() {
            return json.object(event, "user").flatMap(user -> {
                Optional<String> id = clean.line(json.text(user, "id"), AffectedUser.MAX_LENGTH);
                Optional<String> email = clean.line(json.text(user, "email"), AffectedUser.MAX_LENGTH);
                Optional<String> ip = clean.line(json.text(user, "ip_address"), AffectedUser.MAX_LENGTH)
                        .filter(a -> !AUTO_ADDRESS.contains(a));
                return id.isEmpty() && email.isEmpty() && ip.isEmpty() ? Optional.empty()
                        : Optional.of(new AffectedUser(id, email, ip));
            });
        }

        private Optional<RequestInfo> request() {
            return json.object(event, "request").flatMap(request -> {
                Optional<String> method = clean.line(json.text(request, "method"), RequestInfo.MAX_METHOD_LENGTH);
                Optional<String> url = clean.line(json.text(request, "url"), RequestInfo.MAX_URL_LENGTH)
                        .map(scrubber::scrubUrl);
                Optional<String> query = clean.line(queryString(request.get("query_string")),
                        RequestInfo.MAX_URL_LENGTH);
                TreeMap<String, String> headers = headers(request.get("headers"));
                if (!Json.absent(request.get("cookies"))) {
                    recorder.add(Reason.SECRET_SCRUBBED);
                }
                Optional<String> data = Optional.ofNullable(request.get("data")).filter(d -> !Json.absent(d))
                        .map(d -> d.isTextual() ? scrubber.scrubBody(d.textValue()) : scrubber.scrub(d).toString())
                        .map(d -> clean.text(d, RequestInfo.MAX_DATA_LENGTH)).filter(d -> !d.isEmpty());
                if (method.isEmpty() && url.isEmpty() && query.isEmpty() && headers.isEmpty() && data.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new RequestInfo(method, url, query, headers, data));
            });
        }

        private Optional<String> queryString(JsonNode node) {
            if (Json.absent(node)) {
                return Optional.empty();
            }
            if (node.isTextual()) {
                return Optional.of(scrubber.scrubPairs(node.textValue()));
            }
            StringBuilder pairs = new StringBuilder();
            for (Map.Entry<String, JsonNode> pair : pairs(node)) {
                pairs.append(pairs.length() == 0 ? "" : "&").append(pair.getKey()).append('=')
                        .append(json.text(pair.getValue()).orElse(""));
            }
            return Optional.of(scrubber.scrubPairs(pairs.toString())).filter(s -> !s.isEmpty());
        }

        private TreeMap<String, String> headers(JsonNode node) {
            TreeMap<String, String> headers = new TreeMap<>();
            int dropped = 0;
            for (Map.Entry<String, JsonNode> header : pairs(node)) {
                Optional<String> name = clean.line(Optional.of(header.getKey()), RequestInfo.MAX_HEADER_NAME_LENGTH);
                if (name.isEmpty()) {
                    recorder.add(Reason.EMPTY_DROPPED);
                } else if (SecretScrubber.isDroppedHeader(name.get())) {
                    recorder.add(Reason.SECRET_SCRUBBED);
                } else if (headers.size() >= RequestInfo.MAX_HEADERS) {
                    dropped++;
                } else {
                    headers.put(name.get(), Rendered.of(scrubber.scrubHeader(name.get(), header.getValue()), clean,
                            RequestInfo.MAX_HEADER_LENGTH));
                }
            }
            recorder.add(Reason.ENTRIES_DROPPED, dropped);
            return headers;
        }

        /**
         * Named objects ({@code os}, {@code runtime}, ...); the first {@value SdkContexts#MAX_CONTEXTS} names in
         * order, each with its first {@value SdkContexts#MAX_FIELDS} fields, values scrubbed and rendered as text.
         */
        private SdkContexts contexts() {
            TreeMap<String, SortedMap<String, String>> contexts = new TreeMap<>();
            Optional<JsonNode> object = json.object(event, "contexts");
            if (object.isEmpty()) {
                return SdkContexts.none();
            }
            TreeMap<String, JsonNode> byName = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> named = object.get().fields();
            while (named.hasNext()) {
                Map.Entry<String, JsonNode> context = named.next();
                Optional<String> name = clean.name(Optional.of(context.getKey()), NOT_TAG_KEY, 64);
                if (name.isEmpty() || Json.absent(context.getValue())) {
                    recorder.add(Reason.EMPTY_DROPPED);
                } else if (!context.getValue().isObject()) {
                    recorder.add(Reason.WRONG_TYPE_DROPPED);
                } else {
                    byName.putIfAbsent(name.get(), context.getValue());
                }
            }
            int dropped = 0;
            for (Map.Entry<String, JsonNode> context : byName.entrySet()) {
                if (contexts.size() >= SdkContexts.MAX_CONTEXTS) {
                    dropped++;
                    continue;
                }
                TreeMap<String, String> fields = fields(context.getValue(), SdkContexts.MAX_FIELDS,
                        SdkContexts.MAX_FIELD_NAME_LENGTH, SdkContexts.MAX_FIELD_LENGTH);
                if (!fields.isEmpty()) {
                    contexts.put(context.getKey(), fields);
                }
            }
            recorder.add(Reason.ENTRIES_DROPPED, dropped);
            return new SdkContexts(contexts);
        }

        private TreeMap<String, String> fields(JsonNode object, int max, int maxName, int maxValue) {
            return new FieldsReader(clean, scrubber, recorder).read(object, max, maxName, maxValue);
        }

        private TreeMap<String, String> extra() {
            TreeMap<String, String> extra = new TreeMap<>();
            Optional<JsonNode> object = json.object(event, "extra");
            if (object.isEmpty()) {
                return extra;
            }
            int dropped = 0;
            Iterator<Map.Entry<String, JsonNode>> fields = object.get().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> name = clean.line(Optional.of(field.getKey()), SdkEvent.MAX_EXTRA_NAME_LENGTH);
                if (name.isEmpty()) {
                    recorder.add(Reason.EMPTY_DROPPED);
                } else if (extra.size() >= SdkEvent.MAX_EXTRA) {
                    dropped++;
                } else {
                    extra.put(name.get(), Rendered.of(scrubber.scrubEntry(field.getKey(), field.getValue()), clean,
                            SdkEvent.MAX_EXTRA_LENGTH));
                }
            }
            recorder.add(Reason.ENTRIES_DROPPED, dropped);
            return extra;
        }
    }

    /** A UUID with or without dashes, any case, as 32 lowercase hex digits. */
    private static Optional<String> hexId(String text) {
        String id = text.strip().replace("-", "").toLowerCase(Locale.ROOT);
        return HEX_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
