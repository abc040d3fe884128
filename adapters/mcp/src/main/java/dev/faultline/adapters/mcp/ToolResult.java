package dev.faultline.adapters.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tool call returns: on success the structured content (conforming to the tool's output schema) plus
 * a readable text rendering of the same data; on failure {@code isError} with a message that tells the model
 * what to do differently. Text that came from crash reports must be marked untrusted by the tool. A call the
 * use case refused for want of a permission ({@link #missing()}) is no result at all: the endpoint answers it
 * with the 403 step-up challenge.
 */
public record ToolResult(Optional<ObjectNode> structuredContent, String text, boolean isError,
        Optional<Permission> missing) {
    public ToolResult {
        Objects.requireNonNull(structuredContent, "structuredContent");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(missing, "missing");
    }

    public ToolResult(Optional<ObjectNode> structuredContent, String text, boolean isError) {
        this(structuredContent, text, isError, Optional.empty());
    }

    public static ToolResult success(ObjectNode structuredContent, String text) {
        return new ToolResult(Optional.of(structuredContent), text, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(Optional.empty(), message, true);
    }

    /** The use case refused the actor for want of {@code required}; {@code message} says what would help. */
    public static ToolResult notPermitted(Permission required, String message) {
        return new ToolResult(Optional.empty(), message, true, Optional.of(required));
    }
}
