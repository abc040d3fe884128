package dev.faultline.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The intake model is strict: whatever does not fit is refused with the field named, never repaired. */
class IntakeModelTest {

    private static String fieldOf(Runnable construction) {
        try {
            construction.run();
        } catch (InvalidValue e) {
            return e.field();
        }
        throw new AssertionError("expected an InvalidValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789ABCDEF0123456789ABCDEF", "01234567-89ab-cdef-0123-456789abcdef",
            "0123456789abcdef0123456789abcde"})
    void anEventIdIs32LowercaseHex(String text) {
        assertThat(fieldOf(() -> new SdkEventId(text))).isEqualTo("event_id");
    }

    @Test
    void stack_traces_hold_one_to_250_frames() {
        Frame frame = Frame.of("a", "f");
        assertThat(new Stacktrace(Collections.nCopies(250, frame)).frames()).hasSize(250);
        assertThat(fieldOf(() -> new Stacktrace(Collections.nCopies(251, frame)))).isEqualTo("stacktrace");
        assertThat(fieldOf(() -> new Stacktrace(List.of()))).isEqualTo("stacktrace");
    }

    @Test
    void frames_name_something_and_refuse_control_characters_and_negative_lines() {
        assertThat(fieldOf(() -> Frame.of(null, null))).isEqualTo("frame");
        assertThat(fieldOf(() -> Frame.of("a\u0000b", "f"))).isEqualTo("frame.module");
        assertThat(fieldOf(() -> Frame.of("a", "f").withLines(OptionalInt.of(-1), OptionalInt.empty())))
                .isEqualTo("frame");
        assertThat(fieldOf(() -> Frame.of("a", "x".repeat(Frame.MAX_LENGTH + 1)))).isEqualTo("frame.function");
        assertThat(Frame.of("a", "x".repeat(Frame.MAX_LENGTH)).function()).isPresent();
    }

    @Test
    void exception_values_may_span_lines_but_hold_no_nul() {
        assertThat(Events.exception("E", "line one\n\tline two", null).value()).contains("line one\n\tline two");
        assertThat(fieldOf(() -> Events.exception("E", "nul\u0000", null))).isEqualTo("exception.value");
        assertThat(fieldOf(() -> Events.exception("E\nF", "v", null))).isEqualTo("exception.type");
        assertThat(fieldOf(() -> Events.exception(null, null, null))).isEqualTo("exception");
    }

    @Test
    void events_keep_the_trackers_shapes_and_limits() {
        assertThat(fieldOf(() -> Events.event("java").environment("prod env").build())).isEqualTo("environment");
        assertThat(fieldOf(() -> Events.event("java").tags(Map.of("bad key", "v")).build())).isEqualTo("tags");
        assertThat(fieldOf(() -> Events.event("java").tags(Map.of("k", "two\nlines")).build())).isEqualTo("tags.k");
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < SdkEvent.MAX_TAGS; i++) {
            tags.put("t" + i, "v");
        }
        assertThat(Events.event("java").tags(tags).build().tags()).hasSize(SdkEvent.MAX_TAGS);
        tags.put("one-more", "v");
        assertThat(fieldOf(() -> Events.event("java").tags(tags).build())).isEqualTo("tags");
        assertThat(fieldOf(() -> Events.event("java").release(" ").build())).isEqualTo("release");
        assertThat(fieldOf(() -> Events.event("java").fingerprint(Collections.nCopies(33, "x")).build()))
                .isEqualTo("fingerprint");
        assertThat(fieldOf(() -> Events.event("java").exceptions(Collections.nCopies(33,
                Events.exception("E", "v", null))).build())).isEqualTo("exception");
    }

    @Test
    void scrubbed_maps_are_bounded_and_sorted() {
        TreeMap<String, String> headers = new TreeMap<>(Map.of("b", "2", "a", "1"));
        RequestInfo request = new RequestInfo(Optional.of("GET"), Optional.empty(), Optional.empty(), headers,
                Optional.empty());
        assertThat(request.headers().firstKey()).isEqualTo("a");
        assertThat(fieldOf(() -> new RequestInfo(Optional.empty(), Optional.empty(), Optional.empty(),
                new TreeMap<>(Map.of("x", "a\u0007")), Optional.empty()))).isEqualTo("request.headers.x");
    }

    @Test
    void a_log_message_has_a_template_or_formatted_text() {
        assertThat(fieldOf(() -> new LogMessage(Optional.of(" "), Optional.empty()))).isEqualTo("message");
    }
}
