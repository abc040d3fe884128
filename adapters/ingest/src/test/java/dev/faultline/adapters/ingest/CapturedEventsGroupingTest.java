package dev.faultline.adapters.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.intake.Grouping;
import dev.faultline.domain.intake.GroupingPolicyV1;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden vectors of reference/sentry-ingestion.md §3.3: each real capture, read and grouped, gives exactly
 * the canonical text and hash the reference computed. The expectations are copied from the reference, never
 * adjusted to the code.
 */
class CapturedEventsGroupingTest {
    private static final GroupingPolicyV1 POLICY = new GroupingPolicyV1();

    static Stream<Arguments> goldenVectors() {
        return Stream.of(
                Arguments.of("node-req-2", """
                        faultline-grouping:1
                        exception
                        type:TypeError
                        frame:send-node||try { checkout(); } catch (e) { Sentry.captureException(e); }
                        frame:send-node|checkout
                        frame:send-node|loadCart""",
                        "6c0560ca7075fa2e57313c75dff67488b1bfbde736a85dc17a027a43d9b9a692"),
                Arguments.of("node-req-3", """
                        faultline-grouping:1
                        message:Payment provider timed out after <duration>
                        stacktrace
                        frame:send-node||Sentry.captureMessage('Payment provider timed out after 30s', 'warning');""",
                        "ef6a7edb7e899455d453606ab67f39a9067c6c98a71a5ca5c0ac759fc663077b"),
                Arguments.of("node-req-5", """
                        faultline-grouping:1
                        exception
                        type:RangeError
                        frame:send-node|_onTimeout""",
                        "5be631da0ea83b7b5abfac223a19d4b15f87fba4b475710d077b841509fffe71"),
                Arguments.of("java-req-1", """
                        faultline-grouping:1
                        exception
                        type:NullPointerException
                        frame:demo.Main|main
                        frame:demo.Main|checkout
                        frame:demo.Main|loadCart""",
                        "3b27d6607ab56421c5a6118931b05babd4430b50d9664b1982407a0cfcf14c6d"),
                Arguments.of("java-req-2", """
                        faultline-grouping:1
                        exception
                        type:NullPointerException
                        frame:demo.Main|main
                        frame:demo.Main|checkout
                        frame:demo.Main|loadCart
                        exception
                        type:IllegalStateException
                        frame:demo.Main|main""",
                        "5bdea66885c74a1a85120200a2e1378d7110dfc3615d22f0ec2dcd15da2bc040"),
                Arguments.of("java-req-3", """
                        faultline-grouping:1
                        message:Payment provider timed out after <duration>
                        stacktrace
                        frame:demo.Main|main""",
                        "272c81f352030cfcec01ed72dc5425a31300ed9091f93e9d5397e93716a190e7"),
                Arguments.of("python-req-1", """
                        faultline-grouping:1
                        exception
                        type:KeyError
                        frame:__main__|main
                        frame:__main__|checkout
                        frame:__main__|load_cart""",
                        "722c3f8de7faf0bf3728f2357e9d4b8db5f7a5e4c52796ff303b81553a805aad"),
                Arguments.of("python-req-2", """
                        faultline-grouping:1
                        message:Payment provider timed out after <duration>""",
                        "cbf24cb6d11f021cd3352c15121927e9b5b871614a5f695ca7c34d4a049909b7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenVectors")
    void each_capture_groups_exactly_as_the_reference_computed(String capture, String canonicalText, String hash) {
        Grouping grouping = POLICY.group(Captures.read(Captures.load(capture)).event());
        assertThat(grouping.canonicalText()).isEqualTo(canonicalText);
        assertThat(grouping.fingerprint().value()).isEqualTo(hash);
    }

    @Test
    void default_plus_an_entry_appends_a_fingerprint_line() {
        ObjectNode event = Captures.load("node-req-2");
        event.putArray("fingerprint").add("{{ default }}").add("tenant-7");
        Grouping grouping = POLICY.group(Captures.read(event).event());
        assertThat(grouping.canonicalText()).isEqualTo(POLICY.group(Captures.read(Captures.load("node-req-2"))
                .event()).canonicalText() + "\nfingerprint:tenant-7");
        assertThat(grouping.fingerprint().value())
                .isEqualTo("37b3b8353ecec7029ce1c9649efafd0710c2adfd289583ac4bf5c6a20eae4212");
    }

    @Test
    void a_custom_fingerprint_alone_replaces_the_default() {
        ObjectNode event = Captures.load("node-req-2");
        event.putArray("fingerprint").add("payment-failure");
        Grouping grouping = POLICY.group(Captures.read(event).event());
        assertThat(grouping.canonicalText()).isEqualTo("faultline-grouping:1\nfingerprint:payment-failure");
        assertThat(grouping.fingerprint().value())
                .isEqualTo("9bb4a4b0a58b85c9ec48e09ade90db392c5833eabff16938acb28f94d998fec0");
    }

    @Test
    void titles_and_culprits_of_the_captures() {
        Grouping node = POLICY.group(Captures.read(Captures.load("node-req-2")).event());
        assertThat(node.title()).isEqualTo("TypeError: Cannot read properties of undefined (reading 'items')");
        assertThat(node.culprit()).isEqualTo("send-node in loadCart");
        Grouping chain = POLICY.group(Captures.read(Captures.load("java-req-2")).event());
        assertThat(chain.title()).isEqualTo("IllegalStateException: checkout failed");
        assertThat(chain.culprit()).isEqualTo("demo.Main in main");
        Grouping message = POLICY.group(Captures.read(Captures.load("python-req-2")).event());
        assertThat(message.title()).isEqualTo("Payment provider timed out after 30s");
        assertThat(message.culprit()).isEqualTo("<unknown>");
    }

    @Test
    void a_changed_value_and_changed_line_numbers_join_the_same_issue() {
        ObjectNode event = Captures.load("node-req-2");
        ObjectNode exception = (ObjectNode) event.at("/exception/values/0");
        exception.put("value", "Cannot read properties of undefined (reading 'id')");
        exception.at("/stacktrace/frames").forEach(f -> ((ObjectNode) f).put("lineno", 999).put("colno", 3));
        assertThat(POLICY.group(Captures.read(event).event()).fingerprint().value())
                .isEqualTo("6c0560ca7075fa2e57313c75dff67488b1bfbde736a85dc17a027a43d9b9a692");
    }
}
