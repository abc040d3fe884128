package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Optional;

/**
 * A logged message: the template (with placeholders, best for grouping) and the formatted text (best for
 * display). At least one is present.
 */
public record LogMessage(Optional<String> template, Optional<String> formatted) {
    public static final int MAX_LENGTH = 10_000;

    public LogMessage {
        template = Checks.text(template, "message.message", MAX_LENGTH).filter(t -> !t.isBlank());
        formatted = Checks.text(formatted, "message.formatted", MAX_LENGTH).filter(t -> !t.isBlank());
        InvalidValue.require(template.isPresent() || formatted.isPresent(), "message",
                "a message needs a template or formatted text");
    }

    public static LogMessage formatted(String text) {
        return new LogMessage(Optional.empty(), Optional.of(text));
    }
}
