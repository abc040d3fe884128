package dev.faultline.adapters.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Permission;

/**
 * One MCP tool (spec revision 2025-11-25): what {@code tools/list} shows of it and what {@code tools/call}
 * does. A tool translates JSON arguments into a use-case command and the outcome into a {@link ToolResult};
 * it decides no business rule itself. Input it cannot accept (wrong types, unknown fields, out-of-range
 * values, bad cursors) and "not found" are results with {@code isError: true}, never exceptions.
 */
public interface McpTool {
    /** {@code [A-Za-z0-9_.-]}, at most 64 characters. */
    String name();

    String title();

    /** Written for a model: what the tool returns, when to use it, how arguments combine. */
    String description();

    /** JSON Schema 2020-12 of the arguments, with {@code additionalProperties: false}. */
    ObjectNode inputSchema();

    /** JSON Schema 2020-12 of {@link ToolResult#structuredContent()} on success. */
    ObjectNode outputSchema();

    /** Truthful hints: {@code readOnlyHint}, {@code destructiveHint}, {@code idempotentHint}, {@code openWorldHint}. */
    ToolAnnotations annotations();

    /**
     * The permission the tool's use case requires (its port's {@code REQUIRES}), so that a batch can be refused
     * before any of its calls runs; the use case checks it again itself.
     */
    Permission requiredPermission();

    /**
     * Runs the tool for an authenticated actor; an actor without {@link #requiredPermission()} gets
     * {@link ToolResult#notPermitted}.
     */
    ToolResult call(Actor actor, JsonNode arguments);
}
