/**
 * The MCP resource server: Streamable HTTP transport (stateless, JSON responses), JSON-RPC, bearer
 * authentication and the tools. Tools implement {@link dev.faultline.adapters.mcp.McpTool}.
 */
package dev.faultline.adapters.mcp;
