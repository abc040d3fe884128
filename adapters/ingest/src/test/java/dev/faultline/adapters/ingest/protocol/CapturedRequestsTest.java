package dev.faultline.adapters.ingest.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: the requests three unmodified SDKs sent (captures/README.md) go through decoding,
 * authentication and framing to the key, project, items and event bytes they carry.
 */
class CapturedRequestsTest {

    private static final IngestLimits LIMITS = IngestLimits.defaults();
    private static final PublicKey KEY = new PublicKey("publickey");
    private static final IngestProjectId PROJECT = new IngestProjectId(1);

    @Test
    void node_session_update_authenticates_by_query_and_carries_only_a_session() throws IOException {
        CapturedRequest request = CapturedRequest.load("node-1-session.http");
        assertThat(request.header("Content-Type")).isNull();
        assertThat(request.header("Content-Length")).isNull();

        Submissions.OpenedEnvelope envelope = open(request.body(), request.header("Content-Encoding"));
        assertThat(authenticate(request, envelope)).isEqualTo(authenticated(SentryAuthentication.Form.QUERY));
        Submission submission = envelope.readItems();

        assertThat(submission.event()).isEmpty();
        assertThat(submission.eventId()).isEmpty();
        assertThat(submission.skippedItems()).isEqualTo(Map.of("session", 1));
        assertThat(submission.header().sdk()).contains(new SdkName("sentry.javascript.node", "11.12.0"));
        assertThat(submission.header().sentAt()).contains(Instant.parse("2026-12-03T20:37:24.387Z"));
    }

    @Test
    void node_event_without_length_or_trailing_newline_is_the_whole_last_line() throws IOException {
        CapturedRequest request = CapturedRequest.load("node-2-event.http");
        Submissions.OpenedEnvelope envelope = open(request.body(), request.header("Content-Encoding"));
        assertThat(authenticate(request, envelope)).isEqualTo(authenticated(SentryAuthentication.Form.QUERY));
        Submission submission = envelope.readItems();

        assertThat(submission.eventId()).contains("1d33b6efce784c17b60a297565e24351");
        assertThat(submission.event()).contains(new EventPayload(line(request.body(), 2)));
        assertThat(submission.event().orElseThrow().size()).isEqualTo(5375);
        assertThat(submission.skippedItems()).isEmpty();
        assertThat(submission.droppedItems()).isEmpty();
    }

    @Test
    void node_message_and_uncaught_envelopes_carry_their_events() throws IOException {
        for (String[] capture : new String[][] {
                {"node-3-event.envelope", "e8a286bd1b73444f93d788ebdda55f5e"},
                {"node-5-event.envelope", "f55bfe9be09449a4a58479df0132b0da"}}) {
            byte[] body = CapturedRequest.resource(capture[0]);
            Submission submission = Submissions.readEnvelope(decode(body, null), LIMITS);
            assertThat(submission.eventId()).contains(capture[1]);
            assertThat(submission.event()).contains(new EventPayload(line(body, 2)));
        }
    }

    @Test
    void node_crashed_session_is_skipped() throws IOException {
        CapturedRequest request = CapturedRequest.load("node-4-session.http");
        Submission submission = Submissions.readEnvelope(decode(request.body(), null), LIMITS);
        assertThat(submission.event()).isEmpty();
        assertThat(submission.skippedItems()).isEqualTo(Map.of("session", 1));
    }

    @Test
    void java_gzip_body_authenticates_by_header_without_spaces_and_has_an_explicit_length() throws IOException {
        CapturedRequest request = CapturedRequest.load("java-1.http");
        byte[] gzip = Base64.getMimeDecoder().decode(CapturedRequest.resource("java-1.body.gz.base64"));
        assertThat(gzip).hasSize(Integer.parseInt(request.header("Content-Length")));
        assertThat(request.header("Content-Encoding")).isEqualTo("gzip");

        Submissions.OpenedEnvelope envelope = open(gzip, request.header("Content-Encoding"));
        assertThat(authenticate(request, envelope)).isEqualTo(authenticated(SentryAuthentication.Form.HEADER));
        Submission submission = envelope.readItems();

        byte[] decoded = CapturedRequest.resource("java-1.envelope");
        assertThat(submission.eventId()).contains("8a7026fe7cbd4a4b9fe0f5c3d3437855");
        assertThat(submission.event()).contains(new EventPayload(line(decoded, 2)));
        assertThat(submission.event().orElseThrow().size()).isEqualTo(1216);
        assertThat(submission.header().sdk()).contains(new SdkName("sentry.java", "8.64.0"));
    }

    @Test
    void the_same_java_envelope_as_brotli_decodes_to_the_same_event() throws IOException {
        Submission gzip = Submissions.readEnvelope(decode(
                Base64.getMimeDecoder().decode(CapturedRequest.resource("java-1.body.gz.base64")), "gzip"), LIMITS);
        Submission brotli = Submissions.readEnvelope(
                decode(CapturedRequest.resource("java-1.envelope.br"), "br"), LIMITS);
        assertThat(brotli).isEqualTo(gzip);
    }

    @Test
    void java_chained_exception_and_message_envelopes_keep_their_declared_lengths() throws IOException {
        for (Object[] capture : new Object[][] {
                {"java-2.envelope", "711e31d6a86243668b2a0cbdf7b581bf", 1489},
                {"java-3.envelope", "e90265e1916d4b01b5781777df8c8231", 1132}}) {
            byte[] body = CapturedRequest.resource((String) capture[0]);
            Submission submission = Submissions.readEnvelope(decode(gzip(body), "gzip"), LIMITS);
            assertThat(submission.eventId()).contains((String) capture[1]);
            assertThat(submission.event().orElseThrow().size()).isEqualTo(capture[2]);
            assertThat(submission.event()).contains(new EventPayload(line(body, 2)));
        }
    }

    @Test
    void python_store_body_authenticates_by_header_with_spaces_and_is_one_event() throws IOException {
        CapturedRequest request = CapturedRequest.load("python-1.http");
        assertThat(request.path()).isEqualTo("/api/1/store/");
        assertThat(SentryAuthentication.authenticate(request.projectSegment(), request.rawQuery(),
                request.header("X-Sentry-Auth"), Optional.empty()))
                .isEqualTo(authenticated(SentryAuthentication.Form.HEADER));

        for (String capture : new String[] {"python-1.json", "python-2.json"}) {
            byte[] json = CapturedRequest.resource(capture);
            Submission submission = Submissions.readStore(
                    BodyDecoder.open(new ByteArrayInputStream(gzip(json)), request.header("Content-Encoding"),
                            LIMITS.storeBody()), LIMITS);
            assertThat(submission.header()).isEqualTo(EnvelopeHeader.NONE);
            assertThat(submission.event()).contains(new EventPayload(json));
        }
    }

    private static SentryAuthentication.Authenticated authenticated(SentryAuthentication.Form form) {
        return new SentryAuthentication.Authenticated(KEY, PROJECT, java.util.List.of(form));
    }

    private static SentryAuthentication.Outcome authenticate(CapturedRequest request,
                                                             Submissions.OpenedEnvelope envelope) {
        return SentryAuthentication.authenticate(request.projectSegment(), request.rawQuery(),
                request.header("X-Sentry-Auth"), envelope.header().dsn());
    }

    private static Submissions.OpenedEnvelope open(byte[] body, String encoding) throws IOException {
        return Submissions.openEnvelope(decode(body, encoding), LIMITS);
    }

    private static InputStream decode(byte[] body, String encoding) throws IngestRefused {
        return BodyDecoder.open(new ByteArrayInputStream(body), encoding, LIMITS.envelopeBody());
    }

    /** Line {@code index} (0-based) of an envelope, without its newline. */
    static byte[] line(byte[] envelope, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = next(envelope, start) + 1;
        }
        int end = next(envelope, start);
        return Arrays.copyOfRange(envelope, start, end);
    }

    private static int next(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
