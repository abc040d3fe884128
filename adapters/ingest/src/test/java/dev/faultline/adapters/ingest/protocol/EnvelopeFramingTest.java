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
    void specExampleAnAttachmentWithCrLfAndAnEventWithLengths(String end) throws IOException {
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
    void specExampleTwoEmptyAttachments(String end) throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"attachment\",\"length\":0}\n\n"
                + "{\"type\":\"attachment\",\"length\":0}\n" + end);
        assertThat(submission.skippedItems()).isEqualTo(Map.of("attachment", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", ""})
    void specExampleImplicitLengthToNewlineOrEnd(String end) throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"event\"}\n" + EVENT + end);
        assertThat(submission.event()).contains(payload(EVENT));
    }

    @Test
    void specExampleEmptyHeadersAndASession() throws IOException {
        Submission submission = read("{}\n{\"type\":\"session\"}\n{\"started\": \"2020-02-07T14:16:00Z\","
                + "\"attrs\":{\"release\":\"sentry-test@1.0.0\"}}");
        assertThat(submission.header()).isEqualTo(EnvelopeHeader.NONE);
        assertThat(submission.skippedItems()).isEqualTo(Map.of("session", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{}\n", HEADER})
    void anEnvelopeMayEndRightAfterItsHeader(String body) throws IOException {
        Submission submission = read(body);
        assertThat(submission.event()).isEmpty();
        assertThat(submission.skippedItems()).isEmpty();
    }

    @Test
    void anEmptyBodyIsNotAnEnvelope() {
        assertMalformed("", "the body is empty: an envelope starts with a header line");
    }

    @Test
    void aCarriageReturnBeforeTheNewlineBelongsToTheImplicitPayload() throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"event\"}\r\n" + EVENT + "\r\n");
        assertThat(submission.event()).contains(payload(EVENT + "\r"));
    }

    @Test
    void aLengthPayloadMayContainNewlinesAndBinary() throws IOException {
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
    void aLengthPayloadFollowedByAnythingButNewlineOrEndIsMalformed(String after) {
        assertMalformed(HEADER + "{\"type\":\"event\",\"length\":" + EVENT.length() + "}\n" + EVENT + after + "\n",
                String.format("the %d-byte payload of a \"event\" item is followed by byte 0x%02x instead of a"
                        + " newline", EVENT.length(), (int) after.charAt(0)));
    }

    @Test
    void anEndBeforeTheDeclaredLengthIsMalformed() {
        assertMalformed(HEADER + "{\"type\":\"event\",\"length\":100}\n" + EVENT,
                "the envelope ends 41 bytes into the 100-byte payload of a \"event\" item");
        assertMalformed(HEADER + "{\"type\":\"event\",\"length\":100}",
                "the envelope ends after the header of a \"event\" item, before its 100 bytes of payload");
    }

    @Test
    void anItemHeaderAtTheVeryEndWithoutPayloadIsAnEmptyItem() throws IOException {
        assertThat(read(HEADER + "{\"type\":\"attachment\"}").skippedItems()).isEqualTo(Map.of("attachment", 1));
        assertThat(read(HEADER + "{\"type\":\"attachment\",\"length\":0}").skippedItems())
                .isEqualTo(Map.of("attachment", 1));
    }

    @Test
    void anythingAfterTheFinalNewlineIsMalformed() {
        assertMalformed(HEADER + "{\"type\":\"event\"}\n" + EVENT + "\n\n", "an item header is not a JSON object on"
                + " one line");
        assertMalformed(HEADER + "\n", "an item header is not a JSON object on one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"event\"", "{\"type\":\"event\"} x", "{\"type\":", "\u00ff{}"})
    void headersThatAreNotOneJsonObjectAreMalformed(String line) {
        assertMalformed(line + "\n", "the envelope header is not a JSON object on one line");
        assertMalformed("{}\n" + line + "\n", "an item header is not a JSON object on one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"type\":\"\"}", "{\"type\":3}", "{\"type\":null}"})
    void anItemWithoutTypeIsMalformed(String line) {
        assertMalformed("{}\n" + line + "\n", "an item header has no \"type\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "\"41\"", "true", "99999999999999999999999"})
    void aLengthThatIsNotANonNegativeIntegerIsMalformed(String length) {
        assertMalformed("{}\n{\"type\":\"event\",\"length\":" + length + "}\n" + EVENT,
                "the \"length\" of a \"event\" item must be a non-negative integer");
    }

    @Test
    void aNullLengthIsAnImplicitLength() throws IOException {
        assertThat(read("{}\n{\"type\":\"event\",\"length\":null}\n" + EVENT + "\n").event()).contains(payload(EVENT));
    }

    @Test
    void unknownItemTypesAreSkippedAndCountedUnderOneLabel() throws IOException {
        Submission submission = read("{}\n{\"type\":\"hologram\"}\nxyz\n{\"type\":\"hologram2\",\"length\":2}\n\n\n\n"
                + "{\"type\":\"event\"}\n" + EVENT + "\n{\"type\":\"transaction\"}\n{}\n");
        assertThat(submission.event()).contains(payload(EVENT));
        assertThat(submission.skippedItems()).isEqualTo(Map.of("unknown", 2, "transaction", 1));
    }

    @Test
    void aSecondEventIsDroppedAndCountedTheFirstIsKept() throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"event\"}\n{\"n\":1}\n{\"type\":\"event\"}\n{\"n\":2}\n"
                + "{\"type\":\"event\",\"length\":7}\n{\"n\":3}\n");
        assertThat(submission.event()).contains(payload("{\"n\":1}"));
        assertThat(submission.droppedItems()).isEqualTo(Map.of(new DroppedItem("event", Reason.SECOND_EVENT), 2));
    }

    @Test
    void theEnvelopeEventIdIsNormalisedAndAnIdThatIsNotAUuidIsMalformed() throws IOException {
        assertThat(read("{\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\"}\n").eventId())
                .contains("9ec79c33ec9942ab8353589fcb2e04dc");
        assertThat(read("{\"event_id\":null}\n").eventId()).isEmpty();
        assertMalformed("{\"event_id\":\"not-a-uuid\"}\n", "the envelope header \"event_id\" is not a UUID");
        assertMalformed("{\"event_id\":42}\n", "the envelope header \"event_id\" is not a UUID");
        assertMalformed("{\"dsn\":42}\n", "the envelope header \"dsn\" is not a string");
    }

    @Test
    void theEnvelopeEventIdIsReportedEvenWhenThePayloadHasAnother() throws IOException {
        Submission submission = read(HEADER + "{\"type\":\"event\"}\n{\"event_id\":\"00000000000000000000000000000001\"}");
        assertThat(submission.eventId()).contains("9ec79c33ec9942ab8353589fcb2e04dc");
    }

    @Test
    void anUnreadableSentAtIsLeftOutNotRefused() throws IOException {
        assertThat(read("{\"sent_at\":\"yesterday\"}\n").header().sentAt()).isEmpty();
        assertThat(read("{\"sent_at\":\"2026-12-03T20:37:24.391+01:00\"}\n").header().sentAt())
                .contains(java.time.Instant.parse("2026-12-03T19:37:24.391Z"));
    }

    @Test
    void anEventOfExactlyTheItemLimitIsKeptAndOneByteMoreIsTooLarge() throws IOException {
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
    void aClientReportOfExactlyItsLimitIsReadAndOneByteMoreIsDroppedAndCounted() throws IOException {
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
    void clientReportsAddUpAndBadLinesOrReportsNeverCostTheEvent() throws IOException {
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
    void aHeaderLineOfExactlyItsLimitIsReadAndOneByteMoreIsTooLarge() throws IOException {
        String header = "{\"sdk\":{\"name\":\"" + "n".repeat(50) + "\"}}";
        IngestLimits exact = new IngestLimits(10_000, 10_000, 10_000, 1000, 1000, header.length());
        IngestLimits oneShort = new IngestLimits(10_000, 10_000, 10_000, 1000, 1000, header.length() - 1);
        assertThat(read(exact, header + "\n").header().sdk()).isPresent();
        assertThatThrownBy(() -> read(oneShort, header + "\n")).isInstanceOfSatisfying(IngestRefused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(new Refusal.TooLarge(
                        "the envelope header is longer than the limit of " + (header.length() - 1) + " bytes")));
    }

    @Test
    void theStoreBodyIsOneEventWithinTheEventLimit() throws IOException {
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
    void itemsAreReadLazilyAndTheHeaderComesFirst() throws IOException {
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
