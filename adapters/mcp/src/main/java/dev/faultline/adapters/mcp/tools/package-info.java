/**
 * The Faultline MCP tools, one class per tool, each translating JSON arguments into a tracker use-case command
 * and its outcome into a {@link dev.faultline.adapters.mcp.ToolResult}; {@link
 * dev.faultline.adapters.mcp.tools.FaultlineTools} builds them all. Shared pieces: {@code Schemas} builds
 * the JSON Schema subset and {@code SchemaCheck} enforces it on arguments (unknown fields included); the
 * {@code *View} classes keep each entity's JSON, output schema and text rendering side by side; {@code
 * ToolOutput} and {@code UntrustedText} mark crash-report and user text as untrusted, in the structured content
 * (an {@code untrusted} list of field paths) and in the text (a fence with a random tag).
 */
package dev.faultline.adapters.mcp.tools;
