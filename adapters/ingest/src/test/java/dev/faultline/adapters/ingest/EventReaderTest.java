package dev.faultline.adapters.ingest;

import static dev.faultline.adapters.ingest.Captures.RECEIVED;
import static dev.faultline.adapters.ingest.Captures.json;
import static dev.faultline.adapters.ingest.Captures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.ingest.Normalisation.Reason;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.LogMessage;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.tracker.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Benign dirt is cleaned, never refused, and every change is counted. */
class EventReaderTest {

    @Test
    void the_captures_read_with_their_ids_times_and_chains() {
        SdkEvent java = read(Captures.load("java-req-2")).event();
        assertThat(java.eventId().value()).isEqualTo("711e31d6a86243668b2a0cbdf7b581bf");
        assertThat(java.timestamp()).isEqualTo(Instant.parse("2026-12-03T20:37:27.139Z"));
        assertThat(java.exceptions()).extracting(e -> e.type().orElseThrow())
                .containsExactly("NullPointerException", "IllegalStateException");
        assertThat(java.exceptions().get(0).threadId()).contains("1");
        assertThat(java.fingerprint()).isEmpty();
        assertThat(java.release()).contains("checkout@1.4.2");
        assertThat(java.environment()).contains("staging");
        assertThat(java.tags()).containsEntry("region", "eu-west");
        assertThat(java.user().flatMap(u -> u.email())).contains("ada@example.com");

        SdkEvent node = read(Captures.load("node-req-5")).event();
        assertThat(node.timestamp()).isEqualTo(Instant.parse("2026-12-03T20:37:24.418Z"));
        assertThat(node.level()).isEqualTo(Level.FATAL);
        assertThat(node.sdk().orElseThrow().name()).isEqualTo("sentry.javascript.node");
        Frame crash = last(node.exceptions().get(0).stacktrace().orElseThrow());
        assertThat(crash.inApp()).isEqualTo(InApp.YES);
        assertThat(crash.lineno()).hasValue(8);
        assertThat(crash.colno()).hasValue(58);
        assertThat(crash.contextLine()).hasValueSatisfying(l -> assertThat(l).startsWith("Sentry.flush(5000)"));

        SdkEvent message = read(Captures.load("node-req-3")).event();
        assertThat(message.message()).contains(LogMessage.formatted("Payment provider timed out after 30s"));
        assertThat(message.exceptions().get(0).synthetic()).isTrue();
    }

    @Test
    void pythons_nulls_are_absence_and_its_vars_are_kept_as_text() {
        EventReader.Result result = read(Captures.load("python-req-1"));
        assertThat(result.event().exceptions().get(0).module()).isEmpty();
        assertThat(result.event().exceptions().get(0).synthetic()).isFalse();
        Frame main = result.event().exceptions().get(0).stacktrace().orElseThrow().frames().get(0);
        assertThat(main.vars()).containsEntry("e", "KeyError('items')");
        assertThat(last(result.event().exceptions().get(0).stacktrace().orElseThrow()).vars())
                .containsEntry("cart", "{}");
        assertThat(result.event().extra()).containsEntry("sys.argv", "[\"send-py.py\"]");
        assertThat(result.event().timestamp()).isEqualTo(Instant.parse("2026-12-03T20:41:44.418892Z"));
    }

    @Test
    void the_real_captures_need_no_change_at_all() {
        for (String capture : new String[] {"node-req-2", "node-req-3", "node-req-5", "java-req-1", "java-req-2",
                "java-req-3", "python-req-1", "python-req-2"}) {
            assertThat(read(Captures.load(capture)).normalisation().counts()).as(capture).isEmpty();
        }
    }

    @Test
    void nul_bytes_go_everywhere() {
        EventReader.Result result = read(json("""
                {"event_id":"0123456789abcdef0123456789abcdef","message":"a\\u0000b","release":"1.0\\u0000",
                 "exception":{"values":[{"type":"Type\\u0000Error","value":"v\\u0000",
                   "stacktrace":{"frames":[{"module":"m\\u0000","function":"f","vars":{"x":"\\u0000"}}]}}]},
                 "tags":{"k":"v\\u0000"}}"""));
        SdkEvent event = result.event();
        assertThat(event.message().flatMap(LogMessage::formatted)).contains("ab");
        assertThat(event.release()).contains("1.0");
        assertThat(event.exceptions().get(0).type()).contains("TypeError");
        assertThat(event.exceptions().get(0).value()).contains("v");
        assertThat(event.exceptions().get(0).stacktrace().orElseThrow().frames().get(0).module()).contains("m");
        assertThat(event.tags()).containsEntry("k", "v");
        assertThat(result.normalisation().count(Reason.NUL_REMOVED)).isEqualTo(7);
    }

    @Test
    void null_anywhere_is_absence() {
        EventReader.Result result = read(json("""
                {"event_id":null,"timestamp":null,"platform":null,"level":null,"message":null,"logentry":null,
                 "exception":{"values":[null,{"type":"E","value":null,"module":null,"mechanism":null,
                   "thread_id":null,"stacktrace":{"frames":[null,{"function":"f","lineno":null,"in_app":null,
                   "vars":null,"context_line":null}]}}]},
                 "threads":null,"fingerprint":null,"release":null,"environment":null,"tags":null,"user":null,
                 "request":null,"extra":null,"sdk":null,"transaction":null}"""));
        SdkEvent event = result.event();
        assertThat(event.exceptions()).hasSize(1);
        assertThat(event.exceptions().get(0).stacktrace().orElseThrow().frames()).hasSize(1);
        assertThat(event.level()).isEqualTo(Level.ERROR);
        assertThat(event.timestamp()).isEqualTo(RECEIVED);
        assertThat(event.eventId().value()).isEqualTo("ffffffffffffffffffffffffffffffff");
        assertThat(result.normalisation().count(Reason.EVENT_ID_GENERATED)).isEqualTo(1);
        assertThat(result.normalisation().count(Reason.TIMESTAMP_MISSING)).isEqualTo(1);
        assertThat(result.normalisation().count(Reason.EMPTY_DROPPED)).isEqualTo(1);
    }

    @Test
    void an_empty_fingerprint_is_no_fingerprint_and_null_entries_and_numbers_are_handled() {
        assertThat(read(json("{\"fingerprint\":[]}")).event().fingerprint()).isEmpty();
        EventReader.Result result = read(json("{\"fingerprint\":[\"a\",null,7,true,{\"x\":1}]}"));
        assertThat(result.event().fingerprint()).containsExactly("a", "7", "true");
        assertThat(result.normalisation().count(Reason.EMPTY_DROPPED)).isEqualTo(1);
        assertThat(result.normalisation().count(Reason.WRONG_TYPE_DROPPED)).isEqualTo(1);
    }

    @Test
    void a_trailing_newline_and_control_characters_leave_single_lines() {
        EventReader.Result result = read(json("""
                {"release":"checkout@1.4.2\\n","transaction":"GET\\t/cart","environment":"prod env",
                 "tags":{"os version":"12.11\\n","bad\\u0007":"x"}}"""));
        assertThat(result.event().release()).contains("checkout@1.4.2");
        assertThat(result.event().transaction()).contains("GET /cart");
        assertThat(result.event().environment()).contains("prod_env");
        assertThat(result.event().tags()).containsEntry("os_version", "12.11").containsEntry("bad", "x");
        // The tab in the transaction and the bell in a tag key; a trailing newline is stripped, not counted.
        assertThat(result.normalisation().count(Reason.CONTROL_CHARACTERS_REPLACED)).isEqualTo(2);
        assertThat(result.normalisation().count(Reason.NAME_CHARACTERS_REPLACED)).isEqualTo(2);
    }

    @Test
    void over_long_text_is_cut_to_the_limit_with_an_ellipsis() {
        ObjectNode event = json("{}");
        event.put("release", "r".repeat(SdkEvent.MAX_RELEASE_LENGTH + 1));
        event.put("message", "m".repeat(LogMessage.MAX_LENGTH + 5));
        EventReader.Result result = read(event);
        assertThat(result.event().release().orElseThrow()).hasSize(SdkEvent.MAX_RELEASE_LENGTH).endsWith("…");
        assertThat(result.event().message().flatMap(LogMessage::formatted).orElseThrow())
                .hasSize(LogMessage.MAX_LENGTH);
        assertThat(result.normalisation().count(Reason.TEXT_TRUNCATED)).isEqualTo(2);

        ObjectNode exact = json("{}");
        exact.put("release", "r".repeat(SdkEvent.MAX_RELEASE_LENGTH));
        assertThat(read(exact).event().release().orElseThrow()).hasSize(SdkEvent.MAX_RELEASE_LENGTH)
                .doesNotContain("…");
        assertThat(read(exact).normalisation().count(Reason.TEXT_TRUNCATED)).isZero();
    }

    @Test
    void three_hundred_frames_keep_the_first_and_last_halves() {
        ObjectNode event = json("{\"exception\":{\"values\":[{\"type\":\"E\",\"stacktrace\":{}}]}}");
        ArrayNode frames = ((ObjectNode) event.at("/exception/values/0/stacktrace")).putArray("frames");
        for (int i = 0; i < 300; i++) {
            frames.addObject().put("function", "f" + i);
        }
        EventReader.Result result = read(event);
        Stacktrace stack = result.event().exceptions().get(0).stacktrace().orElseThrow();
        assertThat(stack.frames()).hasSize(Stacktrace.MAX_FRAMES);
        assertThat(stack.frames().get(124).function()).contains("f124");
        assertThat(stack.frames().get(125).function()).contains("f175");
        assertThat(last(stack).function()).contains("f299");
        assertThat(result.normalisation().count(Reason.FRAMES_TRIMMED)).isEqualTo(50);

        frames.remove(0);
        frames.removeAll();
        for (int i = 0; i < Stacktrace.MAX_FRAMES; i++) {
            frames.addObject().put("function", "f" + i);
        }
        assertThat(read(event).normalisation().count(Reason.FRAMES_TRIMMED)).isZero();
    }

    @Test
    void wrong_types_are_converted_or_dropped() {
        EventReader.Result result = read(json("""
                {"release":123,"environment":{"x":1},"platform":"Java ",
                 "exception":[{"type":"E","thread_id":7,"stacktrace":{"frames":[
                   {"function":"f","lineno":"12","colno":-1,"in_app":"true"}]}}],
                 "tags":[["k","v"],["n",5],"junk"]}"""));
        SdkEvent event = result.event();
        assertThat(event.release()).contains("123");
        assertThat(event.environment()).isEmpty();
        assertThat(event.platform().orElseThrow().value()).isEqualTo("java");
        Frame frame = event.exceptions().get(0).stacktrace().orElseThrow().frames().get(0);
        assertThat(frame.lineno()).isEqualTo(OptionalInt.of(12));
        assertThat(frame.colno()).isEmpty();
        assertThat(frame.inApp()).isEqualTo(InApp.YES);
        assertThat(event.exceptions().get(0).threadId()).contains("7");
        assertThat(event.tags()).containsEntry("k", "v").containsEntry("n", "5");
        assertThat(result.normalisation().count(Reason.VALUE_CONVERTED)).isEqualTo(4);
        assertThat(result.normalisation().count(Reason.WRONG_TYPE_DROPPED)).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({
        "1796330244.348, 2026-12-03T20:37:24.348Z",
        "1796330244, 2026-12-03T20:37:24Z",
        "'\"1796330244.5\"', 2026-12-03T20:37:24.500Z",
        "'\"2026-12-03T20:37:27.009Z\"', 2026-12-03T20:37:27.009Z",
        "'\"2026-12-03T21:37:27+01:00\"', 2026-12-03T20:37:27Z",
        "'\"2026-12-03T20:37:27.298359\"', 2026-12-03T20:37:27.298359Z"})
    void timestampsAreNumbersOrIsoText(String raw, String expected) {
        String id = "a".repeat(32);
        EventReader.Result result = read(json("{\"event_id\":\"" + id + "\",\"timestamp\":" + raw + "}"));
        assertThat(result.event().timestamp()).isEqualTo(Instant.parse(expected));
        assertThat(result.normalisation().clean()).isTrue();
    }

    @Test
    void timestamps_no_store_could_hold_become_the_receive_time() {
        EventReader reader = new EventReader(() -> "ffffffffffffffffffffffffffffffff");
        EventReader.Result ancient = read(json("{\"timestamp\":\"-5000-01-01T00:00:00Z\"}"));
        assertThat(ancient.event().timestamp()).isEqualTo(RECEIVED);

        EventReader.Result drifted = reader.read(json("{\"timestamp\":\"2026-12-03T20:44:00Z\"}"), Optional.empty(),
                Optional.of(Instant.parse("9999-12-31T00:00:00Z")), RECEIVED);
        assertThat(drifted.event().timestamp()).isEqualTo(RECEIVED);
        assertThat(drifted.normalisation().count(Reason.CLOCK_DRIFT_CORRECTED)).isZero();
    }

    @Test
    void a_skewed_clock_is_corrected_by_the_envelopes_sent_at() {
        EventReader reader = new EventReader(() -> "ffffffffffffffffffffffffffffffff");
        ObjectNode event = json("{\"timestamp\":\"2026-12-03T22:44:00Z\"}");
        Instant sentAt = Instant.parse("2026-12-03T22:44:30Z");
        EventReader.Result result = reader.read(event, Optional.empty(), Optional.of(sentAt), RECEIVED);
        assertThat(result.event().timestamp()).isEqualTo(Instant.parse("2026-12-03T20:44:30Z"));
        assertThat(result.normalisation().count(Reason.CLOCK_DRIFT_CORRECTED)).isEqualTo(1);

        Instant slightlyOff = RECEIVED.minus(EventReader.MIN_CLOCK_DRIFT).plusSeconds(1);
        EventReader.Result small = reader.read(json("{\"timestamp\":\"2026-12-03T20:40:00Z\"}"), Optional.empty(),
                Optional.of(slightlyOff), RECEIVED);
        assertThat(small.event().timestamp()).isEqualTo(Instant.parse("2026-12-03T20:40:00Z"));
    }

    @Test
    void a_future_timestamp_becomes_the_receive_time() {
        EventReader.Result result = read(json("{\"timestamp\":\"2026-12-03T20:46:01Z\"}"));
        assertThat(result.event().timestamp()).isEqualTo(RECEIVED);
        assertThat(result.normalisation().count(Reason.FUTURE_TIMESTAMP_CLAMPED)).isEqualTo(1);
        assertThat(read(json("{\"timestamp\":\"2026-12-03T20:46:00Z\"}")).event().timestamp())
                .isEqualTo(Instant.parse("2026-12-03T20:46:00Z"));
    }

    @Test
    void the_envelopes_event_id_wins_and_dashes_and_case_are_normalised() {
        EventReader reader = new EventReader(() -> "ffffffffffffffffffffffffffffffff");
        ObjectNode event = json("{\"event_id\":\"0123456789ABCDEF0123456789ABCDEF\"}");
        assertThat(reader.read(event, RECEIVED).event().eventId().value())
                .isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(reader.read(event, Optional.of("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"), Optional.empty(),
                RECEIVED).event().eventId().value()).isEqualTo("aaaaaaaabbbbccccddddeeeeeeeeeeee");
        assertThat(reader.read(json("{\"event_id\":\"42\"}"), RECEIVED).event().eventId().value())
                .isEqualTo("ffffffffffffffffffffffffffffffff");
    }

    @ParameterizedTest
    @CsvSource({"warn, WARNING", "critical, FATAL", "log, INFO", "Fatal, FATAL", "debug, DEBUG", "loud, ERROR"})
    void levels_include_the_sdks_aliases(String sent, Level expected) {
        assertThat(read(json("{\"level\":\"" + sent + "\"}")).event().level()).isEqualTo(expected);
    }

    @Test
    void too_many_tags_keep_the_first_fifty_by_key() {
        ObjectNode event = json("{}");
        ObjectNode tags = event.putObject("tags");
        for (int i = 0; i < 60; i++) {
            tags.put(String.format("t%02d", i), "v");
        }
        EventReader.Result result = read(event);
        assertThat(result.event().tags()).hasSize(SdkEvent.MAX_TAGS).containsKey("t49").doesNotContainKey("t50");
        assertThat(result.normalisation().count(Reason.ENTRIES_DROPPED)).isEqualTo(10);
    }

    @Test
    void message_and_exception_shapes_all_read() {
        SdkEvent logentry = read(json(
                "{\"logentry\":{\"message\":\"paid %s\",\"params\":[1],\"formatted\":\"paid 1\"}}")).event();
        assertThat(logentry.logentry().orElseThrow().template()).contains("paid %s");
        SdkEvent bareObject = read(json("{\"exception\":{\"type\":\"E\",\"value\":\"v\"}}")).event();
        assertThat(bareObject.exceptions()).hasSize(1);
        SdkEvent threads = read(json("{\"threads\":[{\"id\":\"main\",\"crashed\":true,"
                + "\"stacktrace\":{\"frames\":[{\"function\":\"run\"}]}}]}")).event();
        assertThat(threads.threads().get(0).id()).contains("main");
        assertThat(threads.threads().get(0).crashed()).isTrue();
    }

    @Test
    void user_address_placeholder_is_not_an_address() {
        assertThat(read(json("{\"user\":{\"ip_address\":\"{{auto}}\"}}")).event().user()).isEmpty();
        assertThat(read(json("{\"user\":{\"id\":42,\"ip_address\":\"{{auto}}\"}}")).event().user()
                .orElseThrow().id()).contains("42");
    }

    @Test
    void an_item_that_is_not_an_object_is_malformed_not_dirty() {
        assertThatThrownBy(() -> read(Captures.MAPPER.createArrayNode()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Frame last(Stacktrace stack) {
        return stack.frames().get(stack.frames().size() - 1);
    }
}
