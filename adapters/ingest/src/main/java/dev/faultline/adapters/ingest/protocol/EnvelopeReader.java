package dev.faultline.adapters.ingest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an envelope's framing lazily, item by item, exactly as {@code envelopes.mdx} defines it:
 * <pre>
 * Envelope = Headers { "\n" Item } [ "\n" ] ;
 * Item     = Headers "\n" Payload ;
 * </pre>
 * <ul>
 *   <li>A line ends at {@code \n} only; a {@code \r} before it belongs to the line or payload (JSON headers read
 *       it as whitespace, payloads keep it).</li>
 *   <li>With {@code length}, exactly that many bytes are the payload, and they must be followed by {@code \n} or
 *       the end; any other byte, whitespace included, is malformed, and so is an end before {@code length}
 *       bytes.</li>
 *   <li>Without {@code length}, the payload runs to the next {@code \n} or the end.</li>
 *   <li>An envelope may end right after its header line; after the final newline nothing may follow.</li>
 * </ul>
 * Payloads are read only when asked for, and those not asked for are skipped without being buffered.
 */
final class EnvelopeReader {

    private final InputStream in;
    private final int headerLineLimit;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean ended;
    private ItemHeader pending;

    EnvelopeReader(InputStream decoded, int headerLineLimit) {
        this.in = decoded;
        this.headerLineLimit = headerLineLimit;
    }

    /** An item's header: its {@code type} and, when declared, its {@code length}. */
    record ItemHeader(String type, OptionalLong length, JsonNode json) {
    }

    /** What reading a payload gave: its bytes, or only its size when it was over the limit asked for. */
    sealed interface Payload {
        record Kept(byte[] bytes) implements Payload {
        }

        record Oversize(long size) implements Payload {
        }
    }

    /** Reads the envelope header line; call once, first. */
    JsonNode header() throws IOException {
        Line line = readLine("the envelope header");
        if (line.bytes().length == 0 && !line.terminated()) {
            throw IngestRefused.malformed("the body is empty: an envelope starts with a header line");
        }
        if (!line.terminated()) {
            ended = true;
        }
        return Json.object(line.bytes()).orElseThrow(() ->
                IngestRefused.malformed("the envelope header is not a JSON object on one line"));
    }

    /** The next item's header, skipping the payload of the previous item if it was not read; empty at the end. */
    Optional<ItemHeader> nextItem() throws IOException {
        if (pending != null) {
            skipPayload();
        }
        if (ended) {
            return Optional.empty();
        }
        Line line = readLine("an item header");
        if (line.bytes().length == 0 && !line.terminated()) {
            ended = true;
            return Optional.empty();
        }
        ItemHeader header = itemHeader(line.bytes());
        if (!line.terminated()) {
            if (header.length().orElse(0) > 0) {
                throw IngestRefused.malformed("the envelope ends after the header of a \"" + header.type()
                        + "\" item, before its " + header.length().getAsLong() + " bytes of payload");
            }
            ended = true;
        }
        pending = header;
        return Optional.of(header);
    }

    /**
     * Reads the current item's payload if it has at most {@code max} bytes; a larger one is consumed without being
     * kept and reported as {@link Payload.Oversize}.
     */
    Payload readPayload(int max) throws IOException {
        ItemHeader header = current();
        Sink sink = new Sink(max, header.length().orElse(1024));
        long size = header.length().isPresent()
                ? consumeExactly(header, header.length().getAsLong(), sink)
                : consumeToNewline(sink);
        return sink.bytes != null ? new Payload.Kept(sink.bytes.toByteArray()) : new Payload.Oversize(size);
    }

    /** Consumes the current item's payload, keeping nothing; returns its size. */
    long skipPayload() throws IOException {
        ItemHeader header = current();
        Sink discard = Sink.discarding();
        return header.length().isPresent()
                ? consumeExactly(header, header.length().getAsLong(), discard)
                : consumeToNewline(discard);
    }

    private ItemHeader current() {
        if (pending == null) {
            throw new IllegalStateException("no item payload to read: call nextItem() first");
        }
        ItemHeader header = pending;
        pending = null;
        return header;
    }

    private long consumeExactly(ItemHeader header, long length, Sink sink)
            throws IOException {
        long remaining = length;
        while (remaining > 0) {
            if (!fill()) {
                throw IngestRefused.malformed("the envelope ends " + (length - remaining) + " bytes into the "
                        + length + "-byte payload of a \"" + header.type() + "\" item");
            }
            int n = (int) Math.min(remaining, limit - position);
            sink.write(buffer, position, n);
            position += n;
            remaining -= n;
        }
        if (!fill()) {
            ended = true;
        } else if (buffer[position] == '\n') {
            position++;
        } else {
            throw IngestRefused.malformed(String.format("the %d-byte payload of a \"%s\" item is followed by"
                    + " byte 0x%02x instead of a newline", length, header.type(), buffer[position] & 0xff));
        }
        return length;
    }

    private long consumeToNewline(Sink sink) throws IOException {
        long size = 0;
        while (true) {
            if (!fill()) {
                ended = true;
                return size;
            }
            int newline = indexOfNewline();
            int n = (newline < 0 ? limit : newline) - position;
            sink.write(buffer, position, n);
            size += n;
            position += n;
            if (newline >= 0) {
                position++;
                return size;
            }
        }
    }

    private Line readLine(String what) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            if (!fill()) {
                return new Line(line.toByteArray(), false);
            }
            int newline = indexOfNewline();
            int n = (newline < 0 ? limit : newline) - position;
            if (line.size() + (long) n > headerLineLimit) {
                throw IngestRefused.tooLarge(what + " is longer than the limit of " + headerLineLimit + " bytes");
            }
            line.write(buffer, position, n);
            position += n;
            if (newline >= 0) {
                position++;
                return new Line(line.toByteArray(), true);
            }
        }
    }

    private ItemHeader itemHeader(byte[] line) throws IngestRefused {
        JsonNode json = Json.object(line).orElseThrow(() ->
                IngestRefused.malformed("an item header is not a JSON object on one line"));
        String type = Json.text(json, "type").filter(t -> !t.isEmpty()).orElseThrow(() ->
                IngestRefused.malformed("an item header has no \"type\""));
        if (Json.absent(json, "length")) {
            return new ItemHeader(type, OptionalLong.empty(), json);
        }
        JsonNode length = json.get("length");
        if (!length.isIntegralNumber() || !length.canConvertToLong() || length.longValue() < 0) {
            throw IngestRefused.malformed("the \"length\" of a \"" + type + "\" item must be a non-negative"
                    + " integer");
        }
        return new ItemHeader(type, OptionalLong.of(length.longValue()), json);
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** True when at least one unread byte is buffered; false at the end of the input. */
    private boolean fill() throws IOException {
        while (position == limit) {
            if (endOfInput) {
                return false;
            }
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = n;
        }
        return true;
    }

    private record Line(byte[] bytes, boolean terminated) {
    }

    /** Keeps a payload's bytes while they stay within {@code max}; past that, keeps nothing at all. */
    private static final class Sink {
        private final int max;
        private ByteArrayOutputStream bytes;

        private Sink(int max, ByteArrayOutputStream bytes) {
            this.max = max;
            this.bytes = bytes;
        }

        Sink(int max, long expected) {
            this(max, new ByteArrayOutputStream((int) Math.min(Math.max(expected, 0), max)));
        }

        static Sink discarding() {
            return new Sink(0, null);
        }

        void write(byte[] source, int offset, int n) {
            if (bytes == null) {
                return;
            }
            if (bytes.size() + (long) n > max) {
                bytes = null;
            } else {
                bytes.write(source, offset, n);
            }
        }
    }
}
