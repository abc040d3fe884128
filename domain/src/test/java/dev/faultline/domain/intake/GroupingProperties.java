package dev.faultline.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.tracker.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What grouping v1 promises whatever the event: values and line numbers never split an issue, library frames
 * never matter once app frames exist, a new app caller does, and so does a custom fingerprint.
 */
class GroupingProperties {
    private static final GroupingPolicy POLICY = new GroupingPolicyV1();

    /** A JVM or Node event with a chain of one to three exceptions, each with at least one in-app frame. */
    @Provide
    Arbitrary<SdkEvent> events() {
        Arbitrary<String> platform = Arbitraries.of("java", "node", "python");
        Arbitrary<List<ExceptionValue>> chain = exceptionValue().list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(platform, chain).as((p, c) -> Events.event(p).exceptions(c).build());
    }

    private Arbitrary<ExceptionValue> exceptionValue() {
        Arbitrary<String> type = Arbitraries.of("TypeError", "KeyError", "IllegalStateException");
        Arbitrary<String> value = Arbitraries.strings().alpha().numeric().withChars(' ', '\'').ofMaxLength(40);
        Arbitrary<List<Frame>> frames = frame().list().ofMinSize(1).ofMaxSize(12);
        return Combinators.combine(type, value, frames).as((t, v, f) -> {
            // Position-unique functions keep adjacent frames apart, so recursion folding never depends on lines.
            List<Frame> numbered = new ArrayList<>();
            for (int i = 0; i < f.size(); i++) {
                Frame frame = f.get(i);
                numbered.add(new Frame(frame.module(), Optional.empty(), frame.filename(),
                        Optional.of(frame.function().orElseThrow() + i), Optional.empty(), frame.lineno(),
                        frame.colno(), frame.inApp(), frame.contextLine(), frame.vars()));
            }
            numbered.add(Frame.of("app.Crash", "site").withInApp(InApp.YES));
            return Events.exception(t, v, new Stacktrace(numbered));
        });
    }

    private Arbitrary<Frame> frame() {
        Arbitrary<String> module = Arbitraries.of("app.Cart", "app.Checkout", "lib.Http", "java.lang.Thread");
        Arbitrary<String> function = Arbitraries.of("load", "run", "handle", "?");
        Arbitrary<InApp> inApp = Arbitraries.of(InApp.class);
        Arbitrary<Integer> line = Arbitraries.integers().between(1, 5000);
        return Combinators.combine(module, function, inApp, line).as((m, f, a, l) ->
                Frame.of(m, f).withInApp(a).withLines(OptionalInt.of(l), OptionalInt.of(l % 80)));
    }

    @Property
    void values_and_line_numbers_never_count(@ForAll("events") SdkEvent event, @ForAll("newValue") String value,
            @ForAll("lineShift") int shift) {
        List<ExceptionValue> changed = event.exceptions().stream().map(e -> e.withValue(Optional.of(value))
                .withStacktrace(e.stacktrace().map(s -> new Stacktrace(s.frames().stream()
                        .map(f -> f.withLines(OptionalInt.of(f.lineno().orElse(0) + shift),
                                OptionalInt.of(f.colno().orElse(0) + shift))).toList())))).toList();
        assertThat(fingerprint(event.toBuilder().exceptions(changed).build())).isEqualTo(fingerprint(event));
    }

    @Property
    void a_library_frame_never_counts_once_app_frames_exist(@ForAll("events") SdkEvent event,
            @ForAll("libraryFrame") Frame library, @ForAll("position") int position) {
        List<ExceptionValue> exceptions = new ArrayList<>(event.exceptions());
        ExceptionValue main = exceptions.get(exceptions.size() - 1);
        List<Frame> frames = new ArrayList<>(main.stacktrace().orElseThrow().frames());
        frames.add(position % frames.size(), library);
        exceptions.set(exceptions.size() - 1, main.withStacktrace(Optional.of(new Stacktrace(frames))));
        assertThat(fingerprint(event.toBuilder().exceptions(exceptions).build())).isEqualTo(fingerprint(event));
    }

    @Property
    void a_new_app_caller_makes_a_new_issue(@ForAll("events") SdkEvent event, @ForAll("position") int position) {
        List<ExceptionValue> exceptions = new ArrayList<>(event.exceptions());
        ExceptionValue main = exceptions.get(exceptions.size() - 1);
        List<Frame> frames = new ArrayList<>(main.stacktrace().orElseThrow().frames());
        frames.add(position % frames.size(), Frame.of("app.Retry", "withBackoff").withInApp(InApp.YES));
        exceptions.set(exceptions.size() - 1, main.withStacktrace(Optional.of(new Stacktrace(frames))));
        assertThat(fingerprint(event.toBuilder().exceptions(exceptions).build())).isNotEqualTo(fingerprint(event));
    }

    @Property
    void default_plus_an_entry_makes_a_new_issue_and_default_alone_does_not(@ForAll("events") SdkEvent event,
            @ForAll("entry") String entry) {
        assertThat(fingerprint(event.toBuilder().fingerprint(List.of("{{ default }}", entry)).build()))
                .isNotEqualTo(fingerprint(event));
        assertThat(fingerprint(event.toBuilder().fingerprint(List.of("{{ default }}")).build()))
                .isEqualTo(fingerprint(event));
    }

    @Property
    void an_empty_fingerprint_list_is_no_fingerprint(@ForAll("events") SdkEvent event) {
        assertThat(POLICY.group(event.toBuilder().fingerprint(List.of()).build())).isEqualTo(POLICY.group(event));
    }

    @Property
    void the_same_platform_from_the_sdk_name_groups_the_same(@ForAll("events") SdkEvent event) {
        String platform = event.platform().map(Platform::value).orElseThrow();
        SdkEvent viaSdk = new SdkEvent(event.eventId(), event.timestamp(), Optional.empty(),
                Optional.of(new SdkInfo("sentry." + platform, "1.0")), event.level(), event.logentry(),
                event.message(), event.exceptions(), event.threads(), event.stacktrace(), event.fingerprint(),
                event.transaction(), event.release(), event.environment(), event.tags(), event.user(),
                event.request(), event.extra());
        assertThat(fingerprint(viaSdk)).isEqualTo(fingerprint(event));
    }

    @Provide
    Arbitrary<String> newValue() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(60).alpha().numeric().withChars(' ', '.', '\n');
    }

    @Provide
    Arbitrary<Integer> lineShift() {
        return Arbitraries.integers().between(1, 1000);
    }

    @Provide
    Arbitrary<Integer> position() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<String> entry() {
        return Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ').ofMaxLength(30);
    }

    @Provide
    Arbitrary<Frame> libraryFrame() {
        return Combinators.combine(Arbitraries.of("java.util.HashMap", "lib.Pool", "node_modules"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12))
                .as((m, f) -> Frame.of(m, f).withInApp(InApp.NO));
    }

    private static String fingerprint(SdkEvent event) {
        return POLICY.group(event).fingerprint().value();
    }
}
