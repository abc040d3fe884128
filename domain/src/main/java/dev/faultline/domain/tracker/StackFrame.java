package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;

/**
 * One frame of a stack trace. {@code line} 0 means unknown. {@code inApp} tells the application's own code
 * from libraries, so readers can skip framework frames. Either file or function may be empty, not both.
 */
public record StackFrame(String file, String function, int line, boolean inApp) {
    public static final int MAX_LENGTH = 1024;

    /** How a stored frame comes back: taken as stored. */
    public StackFrame {
        file = Objects.requireNonNullElse(file, "");
        function = Objects.requireNonNullElse(function, "");
    }

    /** This frame under today's rules (stripped, named, within limits, no control characters), for new events. */
    public StackFrame checked() {
        String f = file.strip();
        String fn = function.strip();
        InvalidValue.require(!f.isEmpty() || !fn.isEmpty(), "frame", "a stack frame needs a file or a function");
        InvalidValue.require(f.length() <= MAX_LENGTH && fn.length() <= MAX_LENGTH, "frame",
                "a stack frame's file and function are at most " + MAX_LENGTH + " characters each");
        InvalidValue.require(f.chars().noneMatch(Character::isISOControl)
                && fn.chars().noneMatch(Character::isISOControl), "frame",
                "a stack frame must not contain control characters");
        InvalidValue.require(line >= 0, "frame", "a line number is positive (0 for unknown), not " + line);
        return new StackFrame(f, fn, line, inApp);
    }
}
