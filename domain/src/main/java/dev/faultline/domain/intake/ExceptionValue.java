package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Issue;
import java.util.Objects;
import java.util.Optional;

/**
 * One exception of a chain. {@code synthetic} marks an exception the SDK made up to carry a stack (a logged
 * message), whose type means nothing. {@code threadId} links it to the thread whose stack it may borrow.
 */
public record ExceptionValue(
        Optional<String> type,
        Optional<String> value,
        Optional<String> module,
        boolean synthetic,
        Optional<String> threadId,
        Optional<Stacktrace> stacktrace) {

    public static final int MAX_TYPE_LENGTH = Issue.MAX_EXCEPTION_TYPE_LENGTH;
    public static final int MAX_VALUE_LENGTH = 10_000;

    public ExceptionValue {
        type = Checks.line(type, "exception.type", MAX_TYPE_LENGTH);
        value = Checks.text(value, "exception.value", MAX_VALUE_LENGTH).filter(v -> !v.isBlank());
        module = Checks.line(module, "exception.module", Frame.MAX_LENGTH);
        threadId = Checks.line(threadId, "exception.thread_id", SdkThread.MAX_ID_LENGTH);
        Objects.requireNonNull(stacktrace, "exception.stacktrace");
        InvalidValue.require(type.isPresent() || value.isPresent() || stacktrace.isPresent(), "exception",
                "an exception needs a type, a value or a stack trace");
    }

    public ExceptionValue withStacktrace(Optional<Stacktrace> stack) {
        return new ExceptionValue(type, value, module, synthetic, threadId, stack);
    }

    public ExceptionValue withValue(Optional<String> text) {
        return new ExceptionValue(type, text, module, synthetic, threadId, stacktrace);
    }
}
