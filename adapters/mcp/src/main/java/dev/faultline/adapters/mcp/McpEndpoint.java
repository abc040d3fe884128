package dev.faultline.adapters.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the MCP endpoint ({@code /mcp}, {@code /mcp/<token>}): its requests pass the {@link McpRequestGuard}
 * (Origin and Host) and its answers carry the MCP surface's CORS ({@link McpBrowserCors}). Both look for this mark
 * on the matched resource ({@code MatchedResource}), so they also reach the framework's preflight answer.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface McpEndpoint {
}
