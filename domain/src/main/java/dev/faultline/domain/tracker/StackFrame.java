package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;

/**
 * One frame of a stack trace. {@code line} 0 means unknown. {@code inApp} tells the application's own code
 * from libraries, so readers can skip framework frames. Either file or function may be empty, not both.
 */
public record StackFrame(String file, String function, int line, boolean inApp) {
    public static final int MAX_LENGTH = 1024;

    public StackFrame {
        file = Objects.requireNonNullElse(file, "").strip();
        function = Objects.requireNonNullElse(function, "").strip();
        InvalidValue.require(!file.isEmpty() || !function.isEmpty(), "frame",
                "a stack frame needs a file or a function");
        InvalidValue.require(file.length() <= MAX_LENGTH && function.length() <= MAX_LENGTH, "frame",
                "a stack frame's file and function are at most " + MAX_LENGTH + " characters each");
        InvalidValue.require(file.chars().noneMatch(Character::isISOControl)
                && function.chars().noneMatch(Character::isISOControl), "frame",
                "a stack frame must not contain control characters");
        InvalidValue.require(line >= 0, "frame", "a line number is positive (0 for unknown), not " + line);
    }
}
