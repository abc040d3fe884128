package dev.faultline.domain.intake;

import dev.faultline.domain.tracker.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Small builders for intake events in tests. */
final class Events {
    static final SdkEventId ID = new SdkEventId("0123456789abcdef0123456789abcdef");
    static final Instant T0 = Instant.parse("2026-12-03T20:37:27Z");

    private Events() {
    }

    static SdkEvent.Builder event(String platform) {
        SdkEvent.Builder builder = SdkEvent.builder(ID, T0);
        return platform == null ? builder : builder.platform(new Platform(platform));
    }

    static Frame frame(String module, String function, InApp inApp) {
        return Frame.of(module, function).withInApp(inApp);
    }

    static Frame frame(String module, String function, InApp inApp, int line) {
        return frame(module, function, inApp).withLines(OptionalInt.of(line), OptionalInt.empty());
    }

    static Frame jsFrame(String filename, String function, InApp inApp, String contextLine) {
        return new Frame(Optional.empty(), Optional.empty(), Optional.ofNullable(filename),
                Optional.ofNullable(function), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), inApp,
                Optional.ofNullable(contextLine), new TreeMap<>(Map.of()));
    }

    static Stacktrace stack(Frame... frames) {
        return new Stacktrace(List.of(frames));
    }

    static ExceptionValue exception(String type, String value, Stacktrace stack) {
        return new ExceptionValue(Optional.ofNullable(type), Optional.ofNullable(value), Optional.empty(), false,
                Optional.empty(), Optional.ofNullable(stack));
    }

    static ExceptionValue synthetic(String value, Stacktrace stack) {
        return new ExceptionValue(Optional.empty(), Optional.ofNullable(value), Optional.empty(), true,
                Optional.empty(), Optional.ofNullable(stack));
    }

    static Grouping group(SdkEvent.Builder event) {
        return new GroupingPolicyV1().group(event.build());
    }

    static String lines(SdkEvent.Builder event) {
        return group(event).canonicalText();
    }
}
