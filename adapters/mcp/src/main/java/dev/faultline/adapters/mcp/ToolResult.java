package dev.faultline.adapters.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tool call returns: on success the structured content (conforming to the tool's output schema) plus
 * a readable text rendering of the same data; on failure {@code isError} with a message that tells the model
 * what to do differently. Text that came from crash reports must be marked untrusted by the tool.
 */
public record ToolResult(Optional<ObjectNode> structuredContent, String text, boolean isError) {
    public ToolResult {
        Objects.requireNonNull(structuredContent, "structuredContent");
        Objects.requireNonNull(text, "text");
    }

    public static ToolResult success(ObjectNode structuredContent, String text) {
        return new ToolResult(Optional.of(structuredContent), text, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(Optional.empty(), message, true);
    }
}
