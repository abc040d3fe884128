package dev.faultline.adapters.ingest.protocol;

/**
 * Every size limit of the wire protocol, in bytes. Each is enforced while streaming and never taken from
 * {@code Content-Length}: exactly the limit is accepted, one byte more is refused.
 *
 * <p>Defaults follow Relay's published limits (Sentry's {@code envelopes.mdx} "Size Limits") as Bugsink applies
 * them, chosen smaller where Faultline discards the data anyway:
 * <ul>
 *   <li>{@code envelopeCompressed} 20 MiB: the request body on the wire (Bugsink's {@code
 *       MAX_ENVELOPE_COMPRESSED_SIZE}).</li>
 *   <li>{@code envelopeDecompressed} 20 MiB: the envelope after decoding (Relay allows 200 MiB, Bugsink 100
 *       MiB, both for attachments, which Faultline reads and discards).</li>
 *   <li>{@code storeCompressed} 1 MiB: a legacy {@code /store/} body on the wire; a store body decompresses to
 *       one event, so its decompressed limit is {@code eventItem}.</li>
 *   <li>{@code eventItem} 1 MiB: one event, decompressed (Relay's {@code max_event_size}); larger is 413.</li>
 *   <li>{@code clientReportItem} 4 KiB: one {@code client_report} item (Relay's limit); larger is dropped and
 *       counted, never a reason to lose the event beside it.</li>
 *   <li>{@code headerLine} 64 KiB: one envelope or item header line (JSON on one line). Relay sets none apart
 *       from the envelope's; a bound keeps a header without a newline from being buffered whole.</li>
 * </ul>
 */
public record IngestLimits(long envelopeCompressed, long envelopeDecompressed, long storeCompressed, int eventItem,
                           int clientReportItem, int headerLine) {

    public static final int MIB = 1024 * 1024;

    public IngestLimits {
        positive(envelopeCompressed, "envelopeCompressed");
        positive(envelopeDecompressed, "envelopeDecompressed");
        positive(storeCompressed, "storeCompressed");
        positive(eventItem, "eventItem");
        positive(clientReportItem, "clientReportItem");
        positive(headerLine, "headerLine");
        if (eventItem > envelopeDecompressed) {
            throw new IllegalArgumentException("eventItem (" + eventItem + ") cannot exceed envelopeDecompressed ("
                    + envelopeDecompressed + "): such an event could never arrive");
        }
    }

    public static IngestLimits defaults() {
        return new IngestLimits(20L * MIB, 20L * MIB, MIB, MIB, 4 * 1024, 64 * 1024);
    }

    /** The limits on an envelope request's body. */
    public BodyLimits envelopeBody() {
        return new BodyLimits(envelopeCompressed, envelopeDecompressed);
    }

    /** The limits on a legacy store request's body: its decompressed form is one event. */
    public BodyLimits storeBody() {
        return new BodyLimits(storeCompressed, eventItem);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("ingest limit " + name + " must be positive, not " + value);
        }
    }

    /** The two counts a request body is held to: bytes on the wire and bytes after decoding. */
    public record BodyLimits(long compressed, long decompressed) {
        public BodyLimits {
            positive(compressed, "compressed");
            positive(decompressed, "decompressed");
        }
    }
}
