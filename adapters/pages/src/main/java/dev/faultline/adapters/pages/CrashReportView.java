package dev.faultline.adapters.pages;

import dev.faultline.domain.intake.Breadcrumb;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.Stacktrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The latest event's report as the SDK sent it: the exception chain (root cause first, main exception last, as
 * stored), each frame with its in-app mark, and the crashing frame's source lines around the line that threw.
 * All of it is crash text, shown through {@link DisplayText} and escaped by Mustache.
 */
public record CrashReportView(List<ExceptionRow> exceptions, String crashFrame, List<SourceLine> source,
        List<BreadcrumbRow> breadcrumbs) {

    static CrashReportView of(SdkEvent event) {
        List<ExceptionRow> exceptions = event.exceptions().stream().map(ExceptionRow::of).toList();
        Optional<Frame> crash = crashFrame(event);
        return new CrashReportView(exceptions, crash.map(CrashReportView::where).orElse(null),
                crash.map(CrashReportView::source).orElse(List.of()),
                event.breadcrumbs().stream().map(BreadcrumbRow::of).toList());
    }

    public boolean hasSource() {
        return !source.isEmpty();
    }

    public boolean hasBreadcrumbs() {
        return !breadcrumbs.isEmpty();
    }

    static Optional<Frame> crashFrame(SdkEvent event) {
        for (int i = event.exceptions().size() - 1; i >= 0; i--) {
            Optional<Stacktrace> stack = event.exceptions().get(i).stacktrace();
            if (stack.isPresent()) {
                return Optional.of(stack.get().frames().get(stack.get().frames().size() - 1));
            }
        }
        return event.stacktrace().map(s -> s.frames().get(s.frames().size() - 1));
    }

    private static String where(Frame f) {
        return DisplayText.of(f.function().or(f::rawFunction).orElse("?") + " ("
                + f.module().or(f::filename).or(f::absPath).orElse("?")
                + (f.lineno().isPresent() ? ":" + f.lineno().getAsInt() : "") + ")");
    }

    private static List<SourceLine> source(Frame f) {
        List<SourceLine> lines = new ArrayList<>();
        int at = f.lineno().orElse(0);
        for (int i = 0; i < f.preContext().size(); i++) {
            lines.add(new SourceLine(number(at, i - f.preContext().size()), DisplayText.of(f.preContext().get(i)),
                    false));
        }
        f.contextLine().ifPresent(c -> lines.add(new SourceLine(number(at, 0), DisplayText.of(c), true)));
        for (int i = 0; i < f.postContext().size(); i++) {
            lines.add(new SourceLine(number(at, i + 1), DisplayText.of(f.postContext().get(i)), false));
        }
        return lines;
    }

    private static String number(int line, int offset) {
        return line > 0 && line + offset > 0 ? Integer.toString(line + offset) : "";
    }

    /** One exception of the chain with its frames, oldest call first. */
    public record ExceptionRow(String type, String value, boolean synthetic, List<FrameRow> frames) {
        static ExceptionRow of(ExceptionValue e) {
            return new ExceptionRow(DisplayText.of(e.type().orElse("(no type)")),
                    e.value().map(DisplayText::of).orElse(""), e.synthetic(),
                    e.stacktrace().map(s -> s.frames().stream().map(FrameRow::of).toList()).orElse(List.of()));
        }

        public boolean hasFrames() {
            return !frames.isEmpty();
        }

        public boolean hasValue() {
            return !value.isEmpty();
        }
    }

    public record FrameRow(String function, String location, boolean inApp) {
        static FrameRow of(Frame f) {
            return new FrameRow(DisplayText.of(f.function().or(f::rawFunction).orElse("?")),
                    DisplayText.of(f.module().or(f::filename).or(f::absPath).orElse("?")
                            + (f.lineno().isPresent() ? ":" + f.lineno().getAsInt() : "")),
                    f.inApp() == InApp.YES);
        }
    }

    /** A source line; {@code crash} marks the line the frame was executing. */
    public record SourceLine(String number, String text, boolean crashLine) {
    }

    public record BreadcrumbRow(String at, String level, String category, String message) {
        static BreadcrumbRow of(Breadcrumb b) {
            return new BreadcrumbRow(b.timestamp().map(Dates::shown).orElse(""),
                    b.level().map(l -> l.wireName()).orElse(""), b.category().map(DisplayText::of).orElse(""),
                    b.message().map(DisplayText::of).orElse(""));
        }
    }
}
