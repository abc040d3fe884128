package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.util.List;
import java.util.Objects;

/** Frames oldest first, the crashing frame last (Sentry's order). Never empty: no frames means no stack trace. */
public record Stacktrace(List<Frame> frames) {
    public static final int MAX_FRAMES = 250;

    public Stacktrace {
        frames = List.copyOf(Objects.requireNonNull(frames, "stacktrace.frames"));
        InvalidValue.require(!frames.isEmpty(), "stacktrace", "a stack trace has at least one frame");
        InvalidValue.require(frames.size() <= MAX_FRAMES, "stacktrace",
                "a stack trace has at most " + MAX_FRAMES + " frames, not " + frames.size());
    }
}
