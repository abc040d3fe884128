package dev.faultline.domain.intake;

import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.StackFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the tracker keeps of an SDK event: the grouping decides fingerprint, title and culprit; the main (last)
 * exception gives the type, the message and the frames (crash site first, as the tracker lists them); level,
 * tags, user, release and environment pass through. The full event is stored beside it.
 */
public final class TrackerReport {
    /** The exception type of an event that reports a message, not an exception. */
    public static final String MESSAGE_TYPE = "message";

    private TrackerReport() {
    }

    public static CrashReport of(SdkEvent event, Grouping grouping) {
        Optional<ExceptionValue> main = event.exceptions().isEmpty() ? Optional.empty()
                : Optional.of(event.exceptions().get(event.exceptions().size() - 1));
        Optional<ExceptionValue> real = main.filter(e -> !e.synthetic() && e.type().isPresent());
        String exceptionType = real.flatMap(ExceptionValue::type).orElse(MESSAGE_TYPE);
        PlatformFamily family = PlatformFamily.of(PlatformFamily.platformOf(event));
        List<StackFrame> frames = stackOf(event, main).map(s -> frames(s, family)).orElse(List.of());
        return new CrashReport(Optional.of(grouping.fingerprint()), Optional.of(grouping.title()), grouping.culprit(),
                exceptionType, event.level(), message(event, real), event.timestamp(), frames, event.environment(),
                event.release(), event.tags(), event.user());
    }

    private static String message(SdkEvent event, Optional<ExceptionValue> real) {
        Optional<String> text = real.flatMap(ExceptionValue::value)
                .or(() -> event.logentry().flatMap(TrackerReport::text))
                .or(() -> event.message().flatMap(TrackerReport::text))
                .or(() -> event.exceptions().stream().reduce((a, b) -> b).flatMap(ExceptionValue::value));
        String message = text.orElse("");
        return message.length() <= Event.MAX_MESSAGE_LENGTH ? message : message.substring(0, Event.MAX_MESSAGE_LENGTH);
    }

    private static Optional<String> text(LogMessage message) {
        return message.formatted().or(message::template);
    }

    /** The main exception's stack; for a message, the event's own stack or the crashed (else current) thread's. */
    private static Optional<Stacktrace> stackOf(SdkEvent event, Optional<ExceptionValue> main) {
        return main.flatMap(ExceptionValue::stacktrace)
                .or(event::stacktrace)
                .or(() -> event.threads().stream().filter(SdkThread::crashed).findFirst().flatMap(SdkThread::stacktrace))
                .or(() -> event.threads().stream().filter(SdkThread::current).findFirst()
                        .flatMap(SdkThread::stacktrace));
    }

    private static List<StackFrame> frames(Stacktrace stack, PlatformFamily family) {
        List<StackFrame> frames = new ArrayList<>();
        for (Frame frame : stack.frames()) {
            String file = frame.filename().or(frame::absPath).or(frame::module).orElse("");
            String function = frame.function().or(frame::rawFunction).orElse("");
            frames.add(new StackFrame(file, function, frame.lineno().orElse(0), InAppDefaults.isInApp(frame, family)));
        }
        Collections.reverse(frames);
        return frames;
    }
}
