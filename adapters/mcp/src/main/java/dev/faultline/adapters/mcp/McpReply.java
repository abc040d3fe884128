package dev.faultline.adapters.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/** What the endpoint sends back for one POST: a JSON body, nothing (202), or a step-up challenge (403). */
sealed interface McpReply {
    /** {@code status} is 200, or 400 for messages that are not valid JSON-RPC at all. */
    record Body(int status, JsonNode json) implements McpReply {
    }

    /** Notifications and responses are accepted without a body. */
    record Accepted() implements McpReply {
    }

    /**
     * The caller's token lacks the scope the named tool needs; {@code canStepUp} says whether authorizing again
     * can fix that (an OAuth grant) or not (a personal token, whose scopes are fixed).
     */
    record InsufficientScope(String tool, boolean canStepUp) implements McpReply {
    }
}
