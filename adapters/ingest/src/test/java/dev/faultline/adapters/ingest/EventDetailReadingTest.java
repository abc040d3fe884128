package dev.faultline.adapters.ingest;

import static dev.faultline.adapters.ingest.Captures.RECEIVED;
import static dev.faultline.adapters.ingest.Captures.json;
import static dev.faultline.adapters.ingest.Captures.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.ingest.Normalisation.Reason;
import dev.faultline.domain.intake.Breadcrumb;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.SdkContexts;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.tracker.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Breadcrumbs, contexts and the source lines around a frame: read from dirty input, bounded, scrubbed. */
class EventDetailReadingTest {

    private static Frame crashFrame(SdkEvent event) {
        Stacktrace stack = event.exceptions().get(event.exceptions().size() - 1).stacktrace().orElseThrow();
        return stack.frames().get(stack.frames().size() - 1);
    }

    @Test
    void the_node_capture_keeps_its_contexts_and_the_crash_frames_source_lines() {
        SdkEvent node = read(Captures.load("node-req-5")).event();
        Frame crash = crashFrame(node);
        assertThat(crash.preContext()).hasSizeBetween(1, Frame.MAX_CONTEXT_LINES);
        assertThat(crash.preContext().get(crash.preContext().size() - 1)).isNotBlank();
        assertThat(node.contexts().values()).containsKeys("os", "runtime", "app", "device");
        assertThat(node.contexts().values().get("runtime")).containsEntry("name", "node");
    }

    @Test
    void the_python_capture_keeps_pre_and_post_context_as_sent() {
        SdkEvent python = read(Captures.load("python-req-1")).event();
        Frame loadCart = crashFrame(python);
        assertThat(loadCart.preContext()).first().isEqualTo("import sentry_sdk");
        assertThat(loadCart.contextLine()).isPresent();
        assertThat(python.contexts().values().get("runtime")).containsEntry("name", "CPython");
    }

    @Test
    void only_the_five_nearest_source_lines_either_side_stay_and_dirt_is_cleaned() {
        EventReader.Result result = read(json("""
                {"exception":{"values":[{"type":"E","stacktrace":{"frames":[{"function":"f",
                  "context_line":"here();",
                  "pre_context":["p1","p2","p3","p4","p5","p6","p7\\u0000"],
                  "post_context":["q1",null,"two\\nlines",4,"q5","q6"]}]}}]}}"""));
        Frame frame = crashFrame(result.event());
        assertThat(frame.preContext()).containsExactly("p3", "p4", "p5", "p6", "p7");
        assertThat(frame.postContext()).containsExactly("q1", "", "two lines", "4", "q5");
        assertThat(result.normalisation().count(Reason.ENTRIES_DROPPED)).isEqualTo(3);
        assertThat(result.normalisation().count(Reason.NUL_REMOVED)).isEqualTo(1);
    }

    @Test
    void source_lines_of_the_wrong_shape_are_dropped_not_refused() {
        EventReader.Result result = read(json("""
                {"exception":{"values":[{"type":"E","stacktrace":{"frames":[{"function":"f",
                  "pre_context":"not a list","post_context":{"a":1}}]}}]}}"""));
        assertThat(crashFrame(result.event()).preContext()).isEmpty();
        assertThat(crashFrame(result.event()).postContext()).isEmpty();
        assertThat(result.normalisation().count(Reason.WRONG_TYPE_DROPPED)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"breadcrumbs\":{\"values\":[{\"category\":\"http\",\"message\":\"GET /cart\"}]}}",
        "{\"breadcrumbs\":[{\"category\":\"http\",\"message\":\"GET /cart\"}]}",
        "{\"breadcrumbs\":{\"category\":\"http\",\"message\":\"GET /cart\"}}"})
    void breadcrumbs_come_as_values_a_bare_list_or_a_bare_object(String payload) {
        List<Breadcrumb> crumbs = read(json(payload)).event().breadcrumbs();
        assertThat(crumbs).singleElement().satisfies(c -> {
            assertThat(c.category()).contains("http");
            assertThat(c.message()).contains("GET /cart");
        });
    }

    @Test
    void a_breadcrumb_keeps_time_level_and_scrubbed_data_and_an_empty_one_goes() {
        EventReader.Result result = read(json("""
                {"breadcrumbs":{"values":[
                  {"timestamp":1796330200.5,"type":"http","category":"fetch","level":"warn",
                   "message":"POST /pay","data":{"url":"/pay","status_code":502,"auth_token":"s3cr3t",
                   "nested":{"password":"x","ok":1}}},
                  {"timestamp":null,"level":"shouting","message":null,"data":null},
                  null,
                  {"level":"whatever","message":"m"}]}}"""));
        List<Breadcrumb> crumbs = result.event().breadcrumbs();
        assertThat(crumbs).hasSize(2);
        Breadcrumb first = crumbs.get(0);
        assertThat(first.timestamp()).contains(Instant.parse("2026-12-03T20:36:40.500Z"));
        assertThat(first.type()).contains("http");
        assertThat(first.level()).contains(Level.WARNING);
        assertThat(first.data()).containsEntry("url", "/pay").containsEntry("status_code", "502")
                .containsEntry("auth_token", SecretScrubber.FILTERED)
                .containsEntry("nested", "{\"password\":\"[Filtered]\",\"ok\":1}");
        assertThat(first.data().toString()).doesNotContain("s3cr3t");
        assertThat(crumbs.get(1).level()).isEmpty();
        assertThat(result.normalisation().count(Reason.EMPTY_DROPPED)).isEqualTo(1);
        assertThat(result.normalisation().count(Reason.SECRET_SCRUBBED)).isEqualTo(2);
    }

    @Test
    void only_the_last_hundred_breadcrumbs_stay_oldest_first() {
        ObjectNode event = json("{}");
        ArrayNode values = event.putObject("breadcrumbs").putArray("values");
        for (int i = 0; i < SdkEvent.MAX_BREADCRUMBS + 7; i++) {
            values.addObject().put("message", "crumb " + i);
        }
        EventReader.Result result = read(event);
        assertThat(result.event().breadcrumbs()).hasSize(SdkEvent.MAX_BREADCRUMBS);
        assertThat(result.event().breadcrumbs().get(0).message()).contains("crumb 7");
        assertThat(result.event().breadcrumbs().get(SdkEvent.MAX_BREADCRUMBS - 1).message())
                .contains("crumb " + (SdkEvent.MAX_BREADCRUMBS + 6));
        assertThat(result.normalisation().count(Reason.ENTRIES_DROPPED)).isEqualTo(7);
    }

    @Test
    void breadcrumb_times_get_the_events_clock_drift_correction() {
        ObjectNode event = json("""
                {"timestamp":"2026-12-03T18:44:00Z","breadcrumbs":[{"timestamp":"2026-12-03T18:43:00Z",
                 "message":"m"}]}""");
        EventReader.Result result = new EventReader(() -> "ffffffffffffffffffffffffffffffff").read(event,
                Optional.empty(), Optional.of(Instant.parse("2026-12-03T18:45:00Z")), RECEIVED);
        assertThat(result.event().timestamp()).isEqualTo(Instant.parse("2026-12-03T20:44:00Z"));
        assertThat(result.event().breadcrumbs().get(0).timestamp()).contains(Instant.parse("2026-12-03T20:43:00Z"));
    }

    @Test
    void contexts_are_bounded_scrubbed_and_named_and_wrong_shapes_go() {
        ObjectNode event = json("""
                {"contexts":{"os":{"name":"Linux","version":"6.1\\n","kernel":null},
                 "app":{"session_token":"abc","build":{"n":7}},
                 "browser":"Firefox",
                 "bad name":{"k":"v"}}}""");
        ObjectNode many = ((ObjectNode) event.get("contexts")).putObject("zz");
        for (int i = 0; i < SdkContexts.MAX_FIELDS + 3; i++) {
            many.put("f" + i, "v");
        }
        EventReader.Result result = read(event);
        SdkContexts contexts = result.event().contexts();
        assertThat(contexts.values()).containsOnlyKeys("os", "app", "bad_name", "zz");
        assertThat(contexts.values().get("os")).containsEntry("name", "Linux").doesNotContainKey("kernel");
        assertThat(contexts.values().get("app")).containsEntry("session_token", SecretScrubber.FILTERED)
                .containsEntry("build", "{\"n\":7}");
        assertThat(contexts.values().get("zz")).hasSize(SdkContexts.MAX_FIELDS);
        assertThat(result.normalisation().count(Reason.WRONG_TYPE_DROPPED)).isEqualTo(1);
        assertThat(result.normalisation().count(Reason.ENTRIES_DROPPED)).isEqualTo(3);
    }

    @Test
    void at_most_twenty_contexts_by_name() {
        ObjectNode event = json("{}");
        ObjectNode contexts = event.putObject("contexts");
        for (int i = 10; i < 10 + SdkContexts.MAX_CONTEXTS + 2; i++) {
            contexts.putObject("c" + i).put("k", "v");
        }
        EventReader.Result result = read(event);
        assertThat(result.event().contexts().values()).hasSize(SdkContexts.MAX_CONTEXTS)
                .containsKey("c10").doesNotContainKey("c31");
        assertThat(result.normalisation().count(Reason.ENTRIES_DROPPED)).isEqualTo(2);
    }
}
