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

    private static Frame frameWithContext(List<String> pre, List<String> post) {
        return new Frame(Optional.of("a"), Optional.empty(), Optional.empty(), Optional.of("f"), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), InApp.YES, Optional.of("throw x;"), pre, post,
                new TreeMap<>());
    }

    @Test
    void frames_keep_up_to_five_single_source_lines_either_side_of_the_context_line() {
        List<String> five = List.of("", "a", "b", "  c", "d");
        Frame frame = frameWithContext(five, five);
        assertThat(frame.preContext()).isEqualTo(five);
        assertThat(frame.postContext()).isEqualTo(five);
        List<String> six = List.of("1", "2", "3", "4", "5", "6");
        assertThat(fieldOf(() -> frameWithContext(six, List.of()))).isEqualTo("frame.pre_context");
        assertThat(fieldOf(() -> frameWithContext(List.of(), six))).isEqualTo("frame.post_context");
        assertThat(fieldOf(() -> frameWithContext(List.of("two\nlines"), List.of()))).isEqualTo("frame.pre_context");
        assertThat(fieldOf(() -> frameWithContext(List.of(), List.of("x".repeat(Frame.MAX_LENGTH + 1)))))
                .isEqualTo("frame.post_context");
        assertThat(fieldOf(() -> frameWithContext(List.of("nul\u0000"), List.of()))).isEqualTo("frame.pre_context");
        assertThat(Frame.of("a", "f").preContext()).isEmpty();
    }

    private static Breadcrumb crumb(String message) {
        return new Breadcrumb(Optional.empty(), Optional.empty(), Optional.of("http"), Optional.empty(),
                Optional.ofNullable(message), new TreeMap<>());
    }

    @Test
    void breadcrumbs_say_something_within_limits_and_an_event_keeps_at_most_100() {
        assertThat(fieldOf(() -> new Breadcrumb(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(" "), new TreeMap<>()))).isEqualTo("breadcrumb");
        assertThat(crumb("x".repeat(Breadcrumb.MAX_MESSAGE_LENGTH)).message()).isPresent();
        assertThat(fieldOf(() -> crumb("x".repeat(Breadcrumb.MAX_MESSAGE_LENGTH + 1))))
                .isEqualTo("breadcrumb.message");
        Map<String, String> data = new HashMap<>();
        for (int i = 0; i <= Breadcrumb.MAX_DATA; i++) {
            data.put("k" + i, "v");
        }
        assertThat(fieldOf(() -> new Breadcrumb(Optional.empty(), Optional.empty(), Optional.of("c"),
                Optional.empty(), Optional.empty(), new TreeMap<>(data)))).isEqualTo("breadcrumb.data");
        assertThat(Events.event("java").breadcrumbs(Collections.nCopies(SdkEvent.MAX_BREADCRUMBS, crumb("m")))
                .build().breadcrumbs()).hasSize(SdkEvent.MAX_BREADCRUMBS);
        assertThat(fieldOf(() -> Events.event("java").breadcrumbs(Collections.nCopies(SdkEvent.MAX_BREADCRUMBS + 1,
                crumb("m"))).build())).isEqualTo("breadcrumbs");
    }

    @Test
    void contexts_are_named_bounded_maps_of_text() {
        assertThat(SdkContexts.of(Map.of("os", Map.of("name", "Linux", "version", "6.1"))).values().get("os"))
                .containsEntry("name", "Linux");
        assertThat(fieldOf(() -> SdkContexts.of(Map.of("o s", Map.of("name", "Linux"))))).isEqualTo("contexts");
        Map<String, Map<String, String>> many = new HashMap<>();
        for (int i = 0; i <= SdkContexts.MAX_CONTEXTS; i++) {
            many.put("c" + i, Map.of("k", "v"));
        }
        assertThat(fieldOf(() -> SdkContexts.of(many))).isEqualTo("contexts");
        assertThat(fieldOf(() -> SdkContexts.of(Map.of("os", Map.of("name", "x".repeat(
                SdkContexts.MAX_FIELD_LENGTH + 1)))))).isEqualTo("contexts.os.name");
        assertThat(Events.event("java").build().contexts().isEmpty()).isTrue();
    }
}
