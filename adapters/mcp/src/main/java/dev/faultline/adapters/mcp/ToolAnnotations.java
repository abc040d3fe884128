package dev.faultline.adapters.mcp;

/** The MCP tool annotations; Faultline's tools never reach outside Faultline, so openWorld is always false. */
public record ToolAnnotations(boolean readOnly, boolean destructive, boolean idempotent) {
    public static final ToolAnnotations READ = new ToolAnnotations(true, false, true);

    public boolean openWorld() {
        return false;
    }
}
