package dev.faultline.adapters.ingest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a decoded request body (see {@link BodyDecoder}) into a {@link Submission}.
 *
 * <p>An envelope is opened first, which reads only its header line, so a caller can authenticate with the header's
 * {@code dsn} before reading any item. Items are then read one at a time: the first {@code event} is kept (at most
 * {@link IngestLimits#eventItem()} bytes, else the request is too large), {@code client_report} items are parsed,
 * and every other item is skipped without being buffered. An envelope with a second {@code event} breaks the spec
 * ("may occur at most once per Envelope"); like Bugsink, which reads the first event and stops, Faultline keeps the
 * first and counts the others as dropped, rather than lose the crash.
 */
public final class Submissions {

    private Submissions() {
    }

    /** Reads an envelope's header line, leaving its items unread. */
    public static OpenedEnvelope openEnvelope(InputStream decoded, IngestLimits limits) throws IOException {
        EnvelopeReader reader = new EnvelopeReader(decoded, limits.headerLine());
        return new OpenedEnvelope(envelopeHeader(reader.header()), reader, limits);
    }

    /** Reads a whole envelope. */
    public static Submission readEnvelope(InputStream decoded, IngestLimits limits) throws IOException {
        return openEnvelope(decoded, limits).readItems();
    }

    /**
     * Reads a legacy {@code /store/} body: one JSON event, at most {@link IngestLimits#eventItem()} bytes. Its
     * {@code event_id} is the payload's own.
     */
    public static Submission readStore(InputStream decoded, IngestLimits limits) throws IOException {
        byte[] body = new BoundedInputStream(decoded, limits.eventItem(), "the event").readAllBytes();
        int first = 0;
        while (first < body.length && isJsonWhitespace(body[first])) {
            first++;
        }
        if (first == body.length) {
            throw IngestRefused.malformed("the store body is empty: it must be one JSON event");
        }
        if (body[first] != '{') {
            throw IngestRefused.malformed("the store body must be one JSON object, the event");
        }
        return new Submission(EnvelopeHeader.NONE, Optional.of(new EventPayload(body)), List.of(), Map.of(),
                Map.of());
    }

    /** An envelope whose header has been read and whose items have not. */
    public static final class OpenedEnvelope {
        private final EnvelopeHeader header;
        private final EnvelopeReader reader;
        private final IngestLimits limits;

        private OpenedEnvelope(EnvelopeHeader header, EnvelopeReader reader, IngestLimits limits) {
            this.header = header;
            this.reader = reader;
            this.limits = limits;
        }

        public EnvelopeHeader header() {
            return header;
        }

        /** Reads every item to the end of the envelope; call once. */
        public Submission readItems() throws IOException {
            Optional<EventPayload> event = Optional.empty();
            List<DiscardedEvents> reports = new ArrayList<>();
            Map<String, Integer> skipped = new LinkedHashMap<>();
            Map<Submission.DroppedItem, Integer> dropped = new LinkedHashMap<>();
            for (Optional<EnvelopeReader.ItemHeader> item = reader.nextItem(); item.isPresent();
                 item = reader.nextItem()) {
                String type = item.get().type();
                if (type.equals(ItemTypes.EVENT) && event.isPresent()) {
                    reader.skipPayload();
                    count(dropped, new Submission.DroppedItem(type, Submission.Reason.SECOND_EVENT));
                } else if (type.equals(ItemTypes.EVENT)) {
                    event = Optional.of(readEvent(item.get()));
                } else if (type.equals(ItemTypes.CLIENT_REPORT)) {
                    readClientReport(reports, dropped);
                } else {
                    reader.skipPayload();
                    count(skipped, ItemTypes.label(type));
                }
            }
            return new Submission(header, event, reports, skipped, dropped);
        }

        private EventPayload readEvent(EnvelopeReader.ItemHeader item) throws IOException {
            IngestRefused tooLarge = IngestRefused.tooLarge("the event item is larger than the limit of "
                    + limits.eventItem() + " bytes");
            if (item.length().orElse(0) > limits.eventItem()) {
                throw tooLarge; // refused before reading a byte of it
            }
            EnvelopeReader.Payload payload = reader.readPayload(limits.eventItem());
            if (payload instanceof EnvelopeReader.Payload.Kept kept) {
                return new EventPayload(kept.bytes());
            }
            throw tooLarge;
        }

        private void readClientReport(List<DiscardedEvents> reports, Map<Submission.DroppedItem, Integer> dropped)
                throws IOException {
            EnvelopeReader.Payload payload = reader.readPayload(limits.clientReportItem());
            if (!(payload instanceof EnvelopeReader.Payload.Kept kept)) {
                count(dropped, new Submission.DroppedItem(ItemTypes.CLIENT_REPORT, Submission.Reason.OVERSIZE));
                return;
            }
            Optional<List<DiscardedEvents>> report = ClientReport.parse(kept.bytes());
            if (report.isPresent()) {
                reports.addAll(report.get());
            } else {
                count(dropped, new Submission.DroppedItem(ItemTypes.CLIENT_REPORT, Submission.Reason.MALFORMED));
            }
        }
    }

    private static EnvelopeHeader envelopeHeader(JsonNode json) throws IngestRefused {
        Optional<String> eventId = Optional.empty();
        if (!Json.absent(json, "event_id")) {
            eventId = Optional.of(Json.text(json, "event_id").flatMap(EventIds::normalise).orElseThrow(() ->
                    IngestRefused.malformed("the envelope header \"event_id\" is not a UUID")));
        }
        Optional<String> dsn = Optional.empty();
        if (!Json.absent(json, "dsn")) {
            dsn = Optional.of(Json.text(json, "dsn").orElseThrow(() ->
                    IngestRefused.malformed("the envelope header \"dsn\" is not a string")));
        }
        Optional<Instant> sentAt = Json.text(json, "sent_at").flatMap(Submissions::instant);
        JsonNode sdk = json.path("sdk");
        Optional<SdkName> sdkName = sdk.path("name").isTextual()
                ? Optional.of(new SdkName(sdk.path("name").textValue(), sdk.path("version").asText("")))
                : Optional.empty();
        return new EnvelopeHeader(eventId, dsn, sentAt, sdkName);
    }

    /** RFC 3339 with any fraction and offset; anything else is unknown, since sent_at only corrects drift. */
    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static <K> void count(Map<K, Integer> counts, K key) {
        counts.merge(key, 1, Integer::sum);
    }

    private static boolean isJsonWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
