package dev.faultline.domain.intake;

import static dev.faultline.domain.intake.Events.event;
import static dev.faultline.domain.intake.Events.exception;
import static dev.faultline.domain.intake.Events.frame;
import static dev.faultline.domain.intake.Events.group;
import static dev.faultline.domain.intake.Events.jsFrame;
import static dev.faultline.domain.intake.Events.lines;
import static dev.faultline.domain.intake.Events.stack;
import static dev.faultline.domain.intake.Events.synthetic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupingPolicyV1Test {
    private static final Stacktrace DEMO = stack(frame("demo.Main", "main", InApp.UNKNOWN),
            frame("demo.Main", "checkout", InApp.UNKNOWN));

    private static SdkEvent.Builder npe() {
        return event("java").exceptions(List.of(exception("NullPointerException", "boom", DEMO)));
    }

    @Nested
    class CustomFingerprint {
        @Test
        void replaces_the_default_lines_and_hashes_the_canonical_text() {
            Grouping grouping = group(npe().fingerprint(List.of("payment-failure")));
            assertThat(grouping.canonicalText()).isEqualTo("faultline-grouping:1\nfingerprint:payment-failure");
            assertThat(grouping.fingerprint().value())
                    .isEqualTo("9bb4a4b0a58b85c9ec48e09ade90db392c5833eabff16938acb28f94d998fec0");
            assertThat(grouping.version()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{{ default }}", "{{default}}", " {{ DEFAULT }} ", "{{  Default\t}}"})
        void default_entry_expands_to_the_default_lines_in_place(String entry) {
            String defaults = lines(npe()).substring("faultline-grouping:1\n".length());
            assertThat(lines(npe().fingerprint(List.of("tenant-7", entry, "x"))))
                    .isEqualTo("faultline-grouping:1\nfingerprint:tenant-7\n" + defaults + "\nfingerprint:x");
        }

        @Test
        void other_variables_stay_literal_in_version_one() {
            assertThat(lines(npe().fingerprint(List.of("{{ transaction }}"))))
                    .isEqualTo("faultline-grouping:1\nfingerprint:{{ transaction }}");
        }

        @Test
        void an_empty_list_means_no_fingerprint() {
            assertThat(group(npe().fingerprint(List.of()))).isEqualTo(group(npe()));
        }
    }

    @Nested
    class PlatformFamilies {
        private final Stacktrace mixed = stack(frame("java.lang.Thread", "run", InApp.UNKNOWN),
                frame("demo.Main", "main", InApp.UNKNOWN));

        @Test
        void jvm_modules_outside_the_libraries_are_in_app() {
            assertThat(lines(event("kotlin").exceptions(List.of(exception("E", "v", mixed)))))
                    .isEqualTo("faultline-grouping:1\nexception\ntype:E\nframe:demo.Main|main");
        }

        @Test
        void without_a_platform_the_sdk_name_decides() {
            assertThat(lines(event(null).sdk(new SdkInfo("sentry.java.android", "8.0.0"))
                    .exceptions(List.of(exception("E", "v", mixed)))))
                    .isEqualTo("faultline-grouping:1\nexception\ntype:E\nframe:demo.Main|main");
        }

        @Test
        void other_platforms_have_no_default_so_all_frames_count() {
            assertThat(lines(event("go").exceptions(List.of(exception("E", "v", mixed)))))
                    .isEqualTo("faultline-grouping:1\nexception\ntype:E\nframe:java.lang.Thread|run\n"
                            + "frame:demo.Main|main");
        }

        @Test
        void javascript_libraries_and_node_internals_are_not_in_app() {
            Stacktrace js = stack(jsFrame("node:internal/timers", "listOnTimeout", InApp.UNKNOWN, null),
                    jsFrame("/app/node_modules/express/router.js", "handle", InApp.UNKNOWN, null),
                    jsFrame("internal/process.js", "tick", InApp.UNKNOWN, null),
                    jsFrame("/app/Cart.js", "load", InApp.UNKNOWN, null));
            assertThat(lines(event("javascript").exceptions(List.of(exception("E", "v", js)))))
                    .endsWith("type:E\nframe:cart.js|load");
        }

        @Test
        void the_sdk_flag_wins_over_the_default() {
            Stacktrace flagged = stack(frame("java.lang.Thread", "run", InApp.YES),
                    frame("demo.Main", "main", InApp.NO));
            assertThat(lines(event("java").exceptions(List.of(exception("E", "v", flagged)))))
                    .endsWith("type:E\nframe:java.lang.Thread|run");
        }
    }

    @Nested
    class Frames {
        private String tokens(String platform, Frame... frames) {
            String text = lines(event(platform).exceptions(List.of(exception("E", "v", stack(frames)))));
            return text.substring(text.indexOf("type:E") + "type:E".length()).strip();
        }

        @Test
        void without_any_in_app_frame_every_frame_counts() {
            assertThat(tokens("python", frame("a", "f", InApp.NO), frame("b", "g", InApp.NO)))
                    .isEqualTo("frame:a|f\nframe:b|g");
        }

        @Test
        void line_numbers_never_count() {
            assertThat(tokens("java", frame("demo.A", "f", InApp.YES, 10)))
                    .isEqualTo(tokens("java", frame("demo.A", "f", InApp.YES, 99)));
        }

        @Test
        void direct_recursion_counts_once() {
            assertThat(tokens("java", frame("demo.A", "f", InApp.YES, 3), frame("demo.A", "f", InApp.YES, 3),
                    frame("demo.A", "f", InApp.YES, 3))).isEqualTo("frame:demo.A|f");
            assertThat(tokens("java", frame("demo.A", "f", InApp.YES, 3), frame("demo.A", "f", InApp.YES, 4)))
                    .isEqualTo("frame:demo.A|f\nframe:demo.A|f");
        }

        @Test
        void sdk_frames_never_count() {
            assertThat(tokens("java", frame("demo.A", "f", InApp.YES), frame("io.sentry.Sentry", "capture",
                    InApp.YES))).isEqualTo("frame:demo.A|f");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "sun.reflect.GeneratedMethodAccessor123|sun.reflect.GeneratedMethodAccessor",
            "jdk.internal.reflect.GeneratedConstructorAccessor7|jdk.internal.reflect.GeneratedConstructorAccessor",
            "demo.Svc$$EnhancerBySpringCGLIB$$a1b2c3d4|demo.Svc$$EnhancerBySpringCGLIB$$<auto>",
            "demo.Svc$$EnhancerByCGLIB$$a1b2c3d4_2|demo.Svc$$EnhancerByCGLIB$$<auto>",
            "demo.Svc_$$_javassist_17|demo.Svc_$$_javassist<auto>",
            "demo.core$fn__4312|demo.core$fn__<auto>"})
        void jvmGeneratedNamesAreCleaned(String moduleAndPlace) {
            String[] parts = moduleAndPlace.split("\\|");
            assertThat(tokens("java", frame(parts[0], "call", InApp.YES))).isEqualTo("frame:" + parts[1] + "|call");
        }

        @Test
        void jvm_lambdas_are_unusable_so_the_file_name_stands() {
            Frame lambda = new Frame(Optional.of("demo.Main$$Lambda$14/0x0000000800c03000"), Optional.empty(),
                    Optional.of("Main.java"), Optional.of("lambda$main$0"), Optional.empty(),
                    java.util.OptionalInt.of(3), java.util.OptionalInt.empty(), InApp.YES, Optional.empty(),
                    new java.util.TreeMap<>());
            assertThat(tokens("java", lambda)).isEqualTo("frame:main.java|");
        }

        @Test
        void file_names_lose_query_fragment_and_directory_and_hashes() {
            assertThat(tokens("javascript", jsFrame("https://cdn.example.com/js/App.3f9a2b4c1d.JS?v=2#x",
                    "render", InApp.YES, null))).isEqualTo("frame:app.<hash>.js|render");
            assertThat(tokens("javascript", jsFrame("<anonymous>", "render", InApp.YES, null)))
                    .isEqualTo("frame:|render");
        }

        @Test
        void javascript_keeps_the_last_part_of_a_function_name() {
            assertThat(tokens("node", jsFrame("/app/a.js", "Object.Cart.load", InApp.YES, "x()")))
                    .isEqualTo("frame:a.js|load");
        }

        @ParameterizedTest
        @ValueSource(strings = {"?", "Object.?", "<anonymous>", "Object.<anonymous>", "Anonymous function",
                "<anonymous function>", "render/<"})
        void anonymousJavascriptFunctionsUseTheSourceLine(String function) {
            assertThat(tokens("node", jsFrame("/app/a.js", function, InApp.YES, "  run(  cart );  ")))
                    .isEqualTo("frame:a.js||run( cart );");
        }

        @Test
        void the_source_line_counts_only_for_scripting_platforms_and_short_lines() {
            assertThat(tokens("python", jsFrame("/app/a.py", null, InApp.YES, "run()")))
                    .isEqualTo("frame:a.py||run()");
            assertThat(tokens("go", jsFrame("/app/a.go", null, InApp.YES, "run()"))).isEqualTo("frame:a.go|");
            assertThat(tokens("node", jsFrame("/app/a.js", "?", InApp.YES, "x".repeat(121))))
                    .isEqualTo("frame:a.js|");
            assertThat(tokens("node", jsFrame("/app/a.js", "?", InApp.YES, "x".repeat(120))))
                    .isEqualTo("frame:a.js||" + "x".repeat(120));
        }

        @Test
        void a_named_function_ignores_its_source_line() {
            assertThat(tokens("python", jsFrame("/app/a.py", "main", InApp.YES, "run()")))
                    .isEqualTo("frame:a.py|main");
        }

        @Test
        void javascript_eval_and_native_frames_are_skipped() {
            Frame eval = jsFrame("/app/a.js", "eval", InApp.YES, null);
            Frame nativeCode = new Frame(Optional.empty(), Optional.of("[native code]"), Optional.empty(),
                    Optional.of("map"), Optional.empty(), java.util.OptionalInt.empty(),
                    java.util.OptionalInt.empty(), InApp.YES, Optional.empty(), new java.util.TreeMap<>());
            assertThat(tokens("node", eval, nativeCode, jsFrame("/app/a.js", "run", InApp.YES, null)))
                    .isEqualTo("frame:a.js|run");
        }

        @Test
        void raw_function_stands_in_for_a_missing_function() {
            Frame raw = new Frame(Optional.of("demo.A"), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("run"), java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), InApp.YES,
                    Optional.empty(), new java.util.TreeMap<>());
            assertThat(tokens("java", raw)).isEqualTo("frame:demo.A|run");
        }
    }

    @Nested
    class Exceptions {
        @Test
        void the_value_counts_only_without_frames_and_is_normalised() {
            assertThat(lines(event("java").exceptions(List.of(exception("E", "user 42 at 10.0.0.1", null)))))
                    .isEqualTo("faultline-grouping:1\nexception\ntype:E\nvalue:user <int> at <ip>");
            assertThat(lines(npe())).doesNotContain("value:");
        }

        @Test
        void every_exception_of_the_chain_counts_cause_first() {
            SdkEvent.Builder chain = event("java").exceptions(List.of(exception("Cause", "a", DEMO),
                    exception("Wrapper", "b", stack(frame("demo.Main", "main", InApp.UNKNOWN)))));
            assertThat(lines(chain)).isEqualTo("faultline-grouping:1\nexception\ntype:Cause\nframe:demo.Main|main\n"
                    + "frame:demo.Main|checkout\nexception\ntype:Wrapper\nframe:demo.Main|main");
        }

        @Test
        void a_synthetic_exception_in_a_real_chain_has_no_type() {
            SdkEvent.Builder chain = event("java").exceptions(List.of(synthetic("s", DEMO),
                    exception("Real", "r", null)));
            assertThat(lines(chain)).startsWith("faultline-grouping:1\nexception\nframe:demo.Main|main");
        }

        @Test
        void an_exception_without_a_stack_borrows_its_threads_or_the_crashed_one() {
            SdkThread other = new SdkThread(Optional.of("2"), false, false,
                    Optional.of(stack(frame("demo.Other", "run", InApp.UNKNOWN))));
            SdkThread crashed = new SdkThread(Optional.of("1"), true, false, Optional.of(DEMO));
            ExceptionValue onTwo = new ExceptionValue(Optional.of("E"), Optional.of("v"), Optional.empty(), false,
                    Optional.of("2"), Optional.empty());
            assertThat(lines(event("java").threads(List.of(crashed, other)).exceptions(List.of(onTwo))))
                    .endsWith("type:E\nframe:demo.Other|run");
            assertThat(lines(event("java").threads(List.of(crashed, other))
                    .exceptions(List.of(exception("E", "v", null))))).endsWith("type:E\nframe:demo.Main|main\n"
                    + "frame:demo.Main|checkout");
        }
    }

    @Nested
    class Messages {
        @Test
        void a_message_event_groups_by_its_normalised_message_and_its_stack() {
            SdkEvent.Builder message = event("node").message(LogMessage.formatted("took 30s for user 7"))
                    .exceptions(List.of(synthetic("took 30s for user 7", stack(
                            jsFrame("/app/a.js", "pay", InApp.YES, null)))));
            assertThat(lines(message)).isEqualTo("faultline-grouping:1\nmessage:took <duration> for user <int>\n"
                    + "stacktrace\nframe:a.js|pay");
        }

        @Test
        void the_template_comes_first_and_the_log_entry_before_the_message() {
            SdkEvent.Builder both = event("python")
                    .logentry(new LogMessage(Optional.of("paid %s"), Optional.of("paid 12")))
                    .message(LogMessage.formatted("other"));
            assertThat(lines(both)).isEqualTo("faultline-grouping:1\nmessage:paid %s");
            assertThat(lines(event("python").logentry(LogMessage.formatted("a")).message(
                    new LogMessage(Optional.of("b"), Optional.empty())))).endsWith("message:a");
            assertThat(lines(event("python").message(LogMessage.formatted("plain")))).endsWith("message:plain");
        }

        @Test
        void the_synthetic_exceptions_value_is_the_last_resort() {
            assertThat(lines(event("node").exceptions(List.of(synthetic("late 5 times", null)))))
                    .isEqualTo("faultline-grouping:1\nmessage:late <int> times");
        }

        @Test
        void a_single_thread_or_the_events_own_stack_carries_a_messages_frames() {
            SdkThread only = new SdkThread(Optional.of("1"), true, false, Optional.of(DEMO));
            assertThat(lines(event("java").message(LogMessage.formatted("m")).threads(List.of(only))))
                    .endsWith("message:m\nstacktrace\nframe:demo.Main|main\nframe:demo.Main|checkout");
            assertThat(lines(event("java").message(LogMessage.formatted("m")).stacktrace(DEMO)))
                    .endsWith("message:m\nstacktrace\nframe:demo.Main|main\nframe:demo.Main|checkout");
            SdkThread second = new SdkThread(Optional.of("2"), false, false, Optional.of(DEMO));
            assertThat(lines(event("java").message(LogMessage.formatted("m")).threads(List.of(only, second))))
                    .isEqualTo("faultline-grouping:1\nmessage:m");
        }

        @Test
        void an_event_with_nothing_falls_into_one_catch_all() {
            assertThat(lines(event("java"))).isEqualTo("faultline-grouping:1\nnothing");
        }
    }

    @Nested
    class TitleAndCulprit {
        @Test
        void title_is_the_main_exceptions_type_and_first_line_of_value() {
            SdkEvent.Builder chain = event("java").exceptions(List.of(exception("Cause", "a", DEMO),
                    exception("Wrapper", "checkout failed\nsecond line", DEMO)));
            assertThat(group(chain).title()).isEqualTo("Wrapper: checkout failed");
            assertThat(group(event("java").exceptions(List.of(exception("E", null, DEMO)))).title()).isEqualTo("E");
        }

        @Test
        void a_message_event_is_titled_by_its_formatted_message() {
            assertThat(group(event("python").logentry(new LogMessage(Optional.of("paid %s"),
                    Optional.of("paid 12\nmore")))).title()).isEqualTo("paid 12");
            assertThat(group(event("java")).title()).isEqualTo("<no message>");
        }

        @Test
        void long_titles_are_cut_with_an_ellipsis() {
            String title = group(event("java").exceptions(List.of(exception("E", "x".repeat(400), DEMO)))).title();
            assertThat(title).hasSize(255).endsWith("…").startsWith("E: xxx");
        }

        @Test
        void culprit_is_the_transaction_else_the_last_in_app_frame_of_the_main_exception() {
            assertThat(group(npe().transaction("POST /checkout")).culprit()).isEqualTo("POST /checkout");
            Stacktrace withLibraryTop = stack(frame("demo.Main", "main", InApp.UNKNOWN),
                    frame("demo.Cart", "load", InApp.UNKNOWN), frame("java.util.HashMap", "get", InApp.UNKNOWN));
            assertThat(group(event("java").exceptions(List.of(exception("E", "v", withLibraryTop)))).culprit())
                    .isEqualTo("demo.Cart in load");
            assertThat(group(event("go").exceptions(List.of(exception("E", "v", stack(frame("a", "f", InApp.NO),
                    frame("b", "g", InApp.NO)))))).culprit()).isEqualTo("b in g");
            assertThat(group(event("java").exceptions(List.of(exception("E", "v", null)))).culprit())
                    .isEqualTo("<unknown>");
        }
    }
}
