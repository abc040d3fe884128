package dev.faultline.adapters.mcp;

/**
 * Size limits of the MCP endpoint, so that one request can neither make the server buffer an unbounded answer
 * nor run an unbounded number of tool calls.
 *
 * @param maxBodyBytes      largest accepted request body (default 1 MiB); larger → 413
 * @param maxBatchLength    most messages in one JSON-RPC batch (default 10; batches exist only under protocol
 *                          2025-03-26); a longer batch → 400 with error -32600 and none of it is carried out
 * @param maxResponseBytes  largest response body sent (default 4 MiB); a result that would exceed it is replaced
 *                          by error -32001, and the rest of a batch is not carried out
 */
public record McpLimits(int maxBodyBytes, int maxBatchLength, int maxResponseBytes) {
    public static final int MIN_RESPONSE_BYTES = 1024;

    public McpLimits {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + maxBodyBytes);
        }
        if (maxBatchLength < 1) {
            throw new IllegalArgumentException("maxBatchLength must be at least 1, was " + maxBatchLength);
        }
        if (maxResponseBytes < MIN_RESPONSE_BYTES) {
            throw new IllegalArgumentException("maxResponseBytes must be at least " + MIN_RESPONSE_BYTES + ", was "
                    + maxResponseBytes);
        }
    }

    public static McpLimits defaults() {
        return new McpLimits(1024 * 1024, 10, 4 * 1024 * 1024);
    }
}
