package dev.faultline.bootstrap.demo;

import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.StackFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * One kind of crash in the demo data: where it happens (the culprit, the top in-app frame), what is thrown,
 * the message, and the in-app callers above it; framework frames are added beneath.
 */
record CrashTemplate(String culprit, String file, int line, String exceptionType, String message, Level level,
                     List<String> callers) {

    static CrashTemplate crash(String culprit, String file, int line, String exceptionType, String message,
                               String... callers) {
        return new CrashTemplate(culprit, file, line, exceptionType, message, Level.ERROR, List.of(callers));
    }

    CrashTemplate fatal() {
        return new CrashTemplate(culprit, file, line, exceptionType, message, Level.FATAL, callers);
    }

    CrashTemplate warning() {
        return new CrashTemplate(culprit, file, line, exceptionType, message, Level.WARNING, callers);
    }

    /** The frames as a stack trace prints them: the frame that threw first, the framework at the bottom. */
    List<StackFrame> frames(List<StackFrame> frameworkFrames) {
        List<StackFrame> frames = new ArrayList<>();
        frames.add(new StackFrame(file, culprit, line, true));
        for (String caller : callers) {
            String[] parts = caller.split(":");
            frames.add(new StackFrame(parts[0], parts[1], Integer.parseInt(parts[2]), true));
        }
        frames.addAll(frameworkFrames);
        return frames;
    }
}
