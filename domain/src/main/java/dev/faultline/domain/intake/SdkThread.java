package dev.faultline.domain.intake;

import java.util.Objects;
import java.util.Optional;

/** A thread in the SDK's snapshot: the crashed or current one carries the stack a message event points at. */
public record SdkThread(Optional<String> id, boolean crashed, boolean current, Optional<Stacktrace> stacktrace) {
    public static final int MAX_ID_LENGTH = 200;

    public SdkThread {
        id = Checks.line(id, "thread.id", MAX_ID_LENGTH);
        Objects.requireNonNull(stacktrace, "thread.stacktrace");
    }
}
