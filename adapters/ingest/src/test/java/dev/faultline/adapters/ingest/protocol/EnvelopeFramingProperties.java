package dev.faultline.adapters.ingest.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the framing over any items: round trips, truncations, and arbitrary bytes. */
class EnvelopeFramingProperties {

    private static final IngestLimits LIMITS = new IngestLimits(1 << 20, 1 << 20, 1 << 20, 1 << 16, 1 << 12, 1 << 12);

    /** An item as written: its type, its payload, and whether its header declares the length. */
    record Item(String type, byte[] payload, boolean withLength) {
        byte[] encode() {
            String header = withLength
                    ? "{\"type\":\"" + type + "\",\"length\":" + payload.length + "}\n"
                    : "{\"type\":\"" + type + "\"}\n";
            return concat(header.getBytes(StandardCharsets.UTF_8), payload);
        }
    }

    @Property
    void any_sequence_of_items_round_trips(@ForAll("items") List<Item> items, @ForAll boolean trailingNewline)
            throws IOException {
        byte[] envelope = encode(items, trailingNewline);
        EnvelopeReader reader = new EnvelopeReader(new ByteArrayInputStream(envelope), LIMITS.headerLine());
        reader.header();
        for (Item item : items) {
            EnvelopeReader.ItemHeader header = reader.nextItem().orElseThrow();
            assertThat(header.type()).isEqualTo(item.type());
            assertThat(header.length().isPresent()).isEqualTo(item.withLength());
            EnvelopeReader.Payload payload = reader.readPayload(Integer.MAX_VALUE);
            assertThat(((EnvelopeReader.Payload.Kept) payload).bytes()).isEqualTo(item.payload());
        }
        assertThat(reader.nextItem()).isEmpty();
    }

    @Property
    void skipping_payloads_lands_on_the_same_items_as_reading_them(@ForAll("items") List<Item> items) throws IOException {
        byte[] envelope = encode(items, true);
        EnvelopeReader reader = new EnvelopeReader(new ByteArrayInputStream(envelope), LIMITS.headerLine());
        reader.header();
        List<String> types = new ArrayList<>();
        for (Optional<EnvelopeReader.ItemHeader> item = reader.nextItem(); item.isPresent(); item = reader.nextItem()) {
            types.add(item.get().type()); // the payload is never asked for: nextItem skips it
        }
        assertThat(types).isEqualTo(items.stream().map(Item::type).toList());
    }

    @Property
    void a_cut_inside_a_header_or_inside_a_declared_payload_is_malformed(@ForAll("lengthItems") List<Item> items,
                                                             @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        byte[] envelope = encode(items, true);
        List<Integer> cuts = cutsInsideHeadersAndPayloads(items);
        int cut = cuts.get(seed % cuts.size());
        assertThatThrownBy(() -> Submissions.readEnvelope(
                new ByteArrayInputStream(Arrays.copyOf(envelope, cut)), LIMITS))
                .isInstanceOfSatisfying(IngestRefused.class,
                        refused -> assertThat(refused.refusal()).isInstanceOf(Refusal.Malformed.class));
    }

    @Property
    void any_truncation_either_parses_or_is_refused_never_another_exception(@ForAll("items") List<Item> items,
                                                                   @ForAll @IntRange(min = 0, max = 100_000) int at) {
        byte[] envelope = encode(items, true);
        byte[] cut = Arrays.copyOf(envelope, at % (envelope.length + 1));
        onlyRefusals(cut);
    }

    @Property
    void arbitrary_bytes_are_never_anything_but_a_refusal(@ForAll @Size(max = 400) byte[] junk) {
        onlyRefusals(junk);
    }

    @Property
    void arbitrary_bytes_after_a_valid_header_are_never_anything_but_a_refusal(@ForAll("envelopeLike") byte[] body) {
        onlyRefusals(body);
    }

    private static void onlyRefusals(byte[] body) {
        try {
            Submissions.readEnvelope(new ByteArrayInputStream(body), LIMITS);
        } catch (IngestRefused expected) {
            assertThat(expected.refusal().status()).isIn(400, 413);
        } catch (IOException | RuntimeException unexpected) {
            throw new AssertionError("not a refusal for " + new String(body, StandardCharsets.ISO_8859_1),
                    unexpected);
        }
    }

    @Provide
    Arbitrary<List<Item>> items() {
        return item(Arbitraries.of(true, false)).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Item>> lengthItems() {
        return item(Arbitraries.just(true)).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<byte[]> envelopeLike() {
        Arbitrary<String> pieces = Arbitraries.of("{}", "\n", "{\"type\":\"event\"}", "{\"type\":\"attachment\",",
                "\"length\":3}", "{\"type\":\"client_report\",\"length\":", "-1", "99", "0}", "\r", "{\"a\":[[[",
                "{\"discarded_events\":[{\"reason\":\"x\",\"category\":\"error\",\"quantity\":1}]}", "\u0000", "ab");
        return pieces.list().ofMaxSize(12).map(list -> ("{}\n" + String.join("", list))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<Item> item(Arbitrary<Boolean> withLength) {
        Arbitrary<String> types = Arbitraries.of("event", "attachment", "session", "client_report", "x-unknown");
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(types, bytes, withLength).as((type, payload, declared) ->
                new Item(type, declared ? payload : withoutNewlines(payload), declared));
    }

    private static byte[] withoutNewlines(byte[] payload) {
        byte[] copy = payload.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == '\n') {
                copy[i] = ' ';
            }
        }
        return copy;
    }

    private static byte[] encode(List<Item> items, boolean trailingNewline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{}".getBytes(StandardCharsets.UTF_8));
        for (Item item : items) {
            out.write('\n');
            out.writeBytes(item.encode());
        }
        if (trailingNewline) {
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Offsets strictly inside an item header line, or inside a non-empty declared payload. */
    private static List<Integer> cutsInsideHeadersAndPayloads(List<Item> items) {
        List<Integer> cuts = new ArrayList<>();
        int at = "{}\n".length();
        for (Item item : items) {
            int headerLength = item.encode().length - item.payload().length - 1;
            for (int i = 1; i < headerLength; i++) {
                cuts.add(at + i); // the header's JSON is incomplete
            }
            if (item.payload().length > 0) {
                cuts.add(at + headerLength); // a whole header, then the end before its declared payload
            }
            int payloadStart = at + headerLength + 1;
            for (int i = 0; i < item.payload().length; i++) {
                cuts.add(payloadStart + i);
            }
            at = payloadStart + item.payload().length + 1;
        }
        return cuts;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
