package dev.faultline.adapters.ingest.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.ingest.protocol.Submission.DroppedItem;
import dev.faultline.adapters.ingest.protocol.Submission.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The framing rules of envelopes.mdx, one test per rule; the spec's own full examples first. */
class EnvelopeFramingTest {

    private static final IngestLimits LIMITS = IngestLimits.defaults();
    private static final String HEADER = "{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\"}\n";
    private static final String EVENT = "{\"message\":\"hello world\",\"level\":\"error\"}";

    @ParameterizedTest
    @ValueSource(strings = {"\n", ""})
    void spec_example_an_attachment_with_cr_lf_and_an_event_with_lengths(String end) throws IOException {
        Submission submission = read("{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\",\"dsn\":"
                + "\"https://e12d836b15bb49d7bbf99e64295d995b:@sentry.io/42\"}\n"
                + "{\"type\":\"attachment\",\"length\":10,\"content_type\":\"text/plain\",\"filename\":\"hello.txt\"}\n"
                + "\u00ef\u00bb\u00bfHello\r\n\n"
                + "{\"type\":\"event\",\"length\":41,\"content_type\":\"application/json\",\"filename\":\"application.log\"}\n"
                + EVENT + end, StandardCharsets.ISO_8859_1);
        assertThat(submission.event()).contains(payload(EVENT));
        assertThat(submission.skippedItems()).isEqualTo(Map.of("attachment", 1));
        assertThat(submission.header().dsn()).contains("https://e12d836b15bb49d7bbf99e64295d995b:@sentry.io/42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", ""})
    void spec_example_two_empty_attachments(String end) throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"attachment\",\"length\":0}\n\n"
                + "{\"type\":\"attachment\",\"length\":0}\n" + end);
        assertThat(submission.skippedItems()).isEqualTo(Map.of("attachment", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", ""})
    void spec_example_implicit_length_to_newline_or_end(String end) throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"event\"}\n" + EVENT + end);
        assertThat(submission.event()).contains(payload(EVENT));
    }

    @Test
    void spec_example_empty_headers_and_a_session() throws IOException {
        Submission submission = read("{}\n{\"type\":\"session\"}\n{\"started\": \"2020-02-07T14:16:00Z\","
                + "\"attrs\":{\"release\":\"sentry-test@1.0.0\"}}");
        assertThat(submission.header()).isEqualTo(EnvelopeHeader.NONE);
        assertThat(submission.skippedItems()).isEqualTo(Map.of("session", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{}\n", HEADER})
    void an_envelope_may_end_right_after_its_header(String body) throws IOException {
        Submission submission = read(body);
        assertThat(submission.event()).isEmpty();
        assertThat(submission.skippedItems()).isEmpty();
    }

    @Test
    void an_empty_body_is_not_an_envelope() {
        assertMalformed("", "the body is empty: an envelope starts with a header line");
    }

    @Test
    void a_carriage_return_before_the_newline_belongs_to_the_implicit_payload() throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"event\"}\r\n" + EVENT + "\r\n");
        assertThat(submission.event()).contains(payload(EVENT + "\r"));
    }

    @Test
    void a_length_payload_may_contain_newlines_and_binary() throws IOException {
        byte[] binary = {'\n', 0, (byte) 0xff, '\n', '\r', '\n'};
        byte[] body = concat(("{}\n{\"type\":\"attachment\",\"length\":6}\n").getBytes(StandardCharsets.UTF_8), binary,
                ("\n{\"type\":\"event\",\"length\":" + EVENT.length() + "}\n" + EVENT + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        Submission submission = Submissions.readEnvelope(new ByteArrayInputStream(body), LIMITS);
        assertThat(submission.event()).contains(payload(EVENT));
        assertThat(submission.skippedItems()).isEqualTo(Map.of("attachment", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\r", "x", "}"})
    void a_length_payload_followed_by_anything_but_newline_or_end_is_malformed(String after) {
        assertMalformed(HEADER + "{\"type\":\"event\",\"length\":" + EVENT.length() + "}\n" + EVENT + after + "\n",
                String.format("the %d-byte payload of a \"event\" item is followed by byte 0x%02x instead of a"
                        + " newline", EVENT.length(), (int) after.charAt(0)));
    }

    @Test
    void an_end_before_the_declared_length_is_malformed() {
        assertMalformed(HEADER + "{\"type\":\"event\",\"length\":100}\n" + EVENT,
                "the envelope ends 41 bytes into the 100-byte payload of a \"event\" item");
        assertMalformed(HEADER + "{\"type\":\"event\",\"length\":100}",
                "the envelope ends after the header of a \"event\" item, before its 100 bytes of payload");
    }

    @Test
    void an_item_header_at_the_very_end_without_payload_is_an_empty_item() throws IOException {
        assertThat(read(HEADER + "{\"type\":\"attachment\"}").skippedItems()).isEqualTo(Map.of("attachment", 1));
        assertThat(read(HEADER + "{\"type\":\"attachment\",\"length\":0}").skippedItems())
                .isEqualTo(Map.of("attachment", 1));
    }

    @Test
    void anything_after_the_final_newline_is_malformed() {
        assertMalformed(HEADER + "{\"type\":\"event\"}\n" + EVENT + "\n\n", "an item header is not a JSON object on"
                + " one line");
        assertMalformed(HEADER + "\n", "an item header is not a JSON object on one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"event\"", "{\"type\":\"event\"} x", "{\"type\":", "\u00ff{}"})
    void headers_that_are_not_one_json_object_are_malformed(String line) {
        assertMalformed(line + "\n", "the envelope header is not a JSON object on one line");
        assertMalformed("{}\n" + line + "\n", "an item header is not a JSON object on one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"type\":\"\"}", "{\"type\":3}", "{\"type\":null}"})
    void an_item_without_type_is_malformed(String line) {
        assertMalformed("{}\n" + line + "\n", "an item header has no \"type\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "\"41\"", "true", "99999999999999999999999"})
    void a_length_that_is_not_a_non_negative_integer_is_malformed(String length) {
        assertMalformed("{}\n{\"type\":\"event\",\"length\":" + length + "}\n" + EVENT,
                "the \"length\" of a \"event\" item must be a non-negative integer");
    }

    @Test
    void a_null_length_is_an_implicit_length() throws IOException {
        assertThat(read("{}\n{\"type\":\"event\",\"length\":null}\n" + EVENT + "\n").event()).contains(payload(EVENT));
    }

    @Test
    void unknown_item_types_are_skipped_and_counted_under_one_label() throws IOException {
        Submission submission = read("{}\n{\"type\":\"hologram\"}\nxyz\n{\"type\":\"hologram2\",\"length\":2}\n\n\n\n"
                + "{\"type\":\"event\"}\n" + EVENT + "\n{\"type\":\"transaction\"}\n{}\n");
        assertThat(submission.event()).contains(payload(EVENT));
        assertThat(submission.skippedItems()).isEqualTo(Map.of("unknown", 2, "transaction", 1));
    }

    @Test
    void a_second_event_is_dropped_and_counted_the_first_is_kept() throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"event\"}\n{\"n\":1}\n{\"type\":\"event\"}\n{\"n\":2}\n"
                + "{\"type\":\"event\",\"length\":7}\n{\"n\":3}\n");
        assertThat(submission.event()).contains(payload("{\"n\":1}"));
        assertThat(submission.droppedItems()).isEqualTo(Map.of(new DroppedItem("event", Reason.SECOND_EVENT), 2));
    }

    @Test
    void the_envelope_event_id_is_normalised_and_an_id_that_is_not_a_uuid_is_malformed() throws IOException {
        assertThat(read("{\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\"}\n").eventId())
                .contains("9ec79c33ec9942ab8353589fcb2e04dc");
        assertThat(read("{\"event_id\":null}\n").eventId()).isEmpty();
        assertMalformed("{\"event_id\":\"not-a-uuid\"}\n", "the envelope header \"event_id\" is not a UUID");
        assertMalformed("{\"event_id\":42}\n", "the envelope header \"event_id\" is not a UUID");
        assertMalformed("{\"dsn\":42}\n", "the envelope header \"dsn\" is not a string");
    }

    @Test
    void the_envelope_event_id_is_reported_even_when_the_payload_has_another() throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"event\"}\n{\"event_id\":\"00000000000000000000000000000001\"}");
        assertThat(submission.eventId()).contains("9ec79c33ec9942ab8353589fcb2e04dc");
    }

    @Test
    void an_unreadable_sent_at_is_left_out_not_refused() throws IOException {
        assertThat(read("{\"sent_at\":\"yesterday\"}\n").header().sentAt()).isEmpty();
        assertThat(read("{\"sent_at\":\"2026-12-03T20:37:24.391+01:00\"}\n").header().sentAt())
                .contains(java.time.Instant.parse("2026-12-03T19:37:24.391Z"));
    }

    @Test
    void an_event_of_exactly_the_item_limit_is_kept_and_one_byte_more_is_too_large() throws IOException {
        IngestLimits limits = limits(100, 4096);
        String fits = "{\"p\":\"" + "x".repeat(100 - 8) + "\"}";
        String over = "{\"p\":\"" + "x".repeat(101 - 8) + "\"}";
        for (boolean withLength : new boolean[] {true, false}) {
            assertThat(read(limits, "{}\n" + item("event", fits, withLength)).event()).contains(payload(fits));
            assertThatThrownBy(() -> read(limits, "{}\n" + item("event", over, withLength)))
                    .isInstanceOfSatisfying(IngestRefused.class, refused -> assertThat(refused.refusal())
                            .isEqualTo(new Refusal.TooLarge("the event item is larger than the limit of 100 bytes")));
        }
    }

    @Test
    void a_client_report_of_exactly_its_limit_is_read_and_one_byte_more_is_dropped_and_counted() throws IOException {
        String report = "{\"discarded_events\":[{\"reason\":\"ratelimit_backoff\",\"category\":\"error\",\"quantity\":4}]}";
        IngestLimits exact = limits(1000, report.length());
        IngestLimits oneShort = limits(1000, report.length() - 1);
        for (boolean withLength : new boolean[] {true, false}) {
            String body = "{}\n" + item("client_report", report, withLength) + item("event", EVENT, withLength);
            assertThat(read(exact, body).clientReports())
                    .containsExactly(new DiscardedEvents("ratelimit_backoff", "error", 4));
            Submission dropped = read(oneShort, body);
            assertThat(dropped.clientReports()).isEmpty();
            assertThat(dropped.droppedItems()).isEqualTo(Map.of(new DroppedItem("client_report", Reason.OVERSIZE), 1));
            assertThat(dropped.event()).contains(payload(EVENT));
        }
    }

    @Test
    void client_reports_add_up_and_bad_lines_or_reports_never_cost_the_event() throws IOException {
        Submission submission = read("{}\n"
                + item("client_report", "{\"timestamp\":1,\"discarded_events\":[{\"reason\":\"queue_overflow\","
                        + "\"category\":\"span\",\"quantity\":3},{\"reason\":\"x y\",\"category\":\"error\","
                        + "\"quantity\":1},{\"reason\":\"a\",\"category\":\"error\",\"quantity\":0},"
                        + "{\"reason\":\"Sample_Rate\",\"category\":\"transaction\",\"quantity\":2}]}", false)
                + item("client_report", "not json", true)
                + item("event", EVENT, false));
        assertThat(submission.clientReports()).containsExactly(new DiscardedEvents("queue_overflow", "span", 3),
                new DiscardedEvents("sample_rate", "transaction", 2));
        assertThat(submission.droppedItems()).isEqualTo(Map.of(new DroppedItem("client_report", Reason.MALFORMED), 1));
        assertThat(submission.event()).contains(payload(EVENT));
    }

    @Test
    void a_header_line_of_exactly_its_limit_is_read_and_one_byte_more_is_too_large() throws IOException {
        String header = "{\"sdk\":{\"name\":\"" + "n".repeat(50) + "\"}}";
        IngestLimits exact = new IngestLimits(10_000, 10_000, 10_000, 1000, 1000, header.length());
        IngestLimits oneShort = new IngestLimits(10_000, 10_000, 10_000, 1000, 1000, header.length() - 1);
        assertThat(read(exact, header + "\n").header().sdk()).isPresent();
        assertThatThrownBy(() -> read(oneShort, header + "\n")).isInstanceOfSatisfying(IngestRefused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(new Refusal.TooLarge(
                        "the envelope header is longer than the limit of " + (header.length() - 1) + " bytes")));
    }

    @Test
    void the_store_body_is_one_event_within_the_event_limit() throws IOException {
        IngestLimits limits = limits(EVENT.length(), 100);
        assertThat(store(limits, EVENT).event()).contains(payload(EVENT));
        assertThat(store(limits, EVENT).header()).isEqualTo(EnvelopeHeader.NONE);
        assertThatThrownBy(() -> store(limits(EVENT.length() - 1, 100), EVENT))
                .isInstanceOfSatisfying(IngestRefused.class, refused -> assertThat(refused.refusal().status())
                        .isEqualTo(413));
        assertThatThrownBy(() -> store(limits, " \n")).hasMessage("the store body is empty: it must be one JSON event");
        assertThatThrownBy(() -> store(limits, "[1]")).hasMessage("the store body must be one JSON object, the event");
    }

    @Test
    void items_are_read_lazily_and_the_header_comes_first() throws IOException {
        // a body whose items are broken still yields its header, so a caller can authenticate first
        Submissions.OpenedEnvelope opened = Submissions.openEnvelope(new ByteArrayInputStream(
                (HEADER + "{\"type\":").getBytes(StandardCharsets.UTF_8)), LIMITS);
        assertThat(opened.header().eventId()).contains("9ec79c33ec9942ab8353589fcb2e04dc");
        assertThatThrownBy(opened::readItems).isInstanceOf(IngestRefused.class);
    }

    static String item(String type, String payload, boolean withLength) {
        return (withLength ? "{\"type\":\"" + type + "\",\"length\":" + payload.getBytes(StandardCharsets.UTF_8).length
                + "}" : "{\"type\":\"" + type + "\"}") + "\n" + payload + "\n";
    }

    private static IngestLimits limits(int eventItem, int clientReportItem) {
        return new IngestLimits(100_000, 100_000, 100_000, eventItem, clientReportItem, 4096);
    }

    private static EventPayload payload(String text) {
        return new EventPayload(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Submission read(String body) throws IOException {
        return read(LIMITS, body);
    }

    private static Submission read(String body, java.nio.charset.Charset charset) throws IOException {
        return Submissions.readEnvelope(new ByteArrayInputStream(body.getBytes(charset)), LIMITS);
    }

    private static Submission read(IngestLimits limits, String body) throws IOException {
        return Submissions.readEnvelope(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), limits);
    }

    private static Submission store(IngestLimits limits, String body) throws IOException {
        return Submissions.readStore(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), limits);
    }

    private static void assertMalformed(String body, String reason) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(IngestRefused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(new Refusal.Malformed(reason)));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : List.of(parts)) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
