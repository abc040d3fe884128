package dev.faultline.adapters.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Which revision of MCP serves one request, decided per request (2026-07-28 {@code versioning.mdx}, dual-era).
 * A message whose {@code params._meta} claims a protocol version, or a request whose
 * {@code MCP-Protocol-Version} header names the 2026-07-28 revision, is served statelessly under 2026-07-28
 * ({@link ModernServer}); everything else, {@code initialize} included, keeps the legacy behaviour of 2025-11-25,
 * 2025-06-18 and 2025-03-26 unchanged. Batches (arrays) are always legacy.
 */
public enum ProtocolEra {
    LEGACY, MODERN;

    public static final String MODERN_VERSION = "2026-07-28";
    /** Every revision this server speaks, newest first, as {@code server/discover} and -32022 list them. */
    public static final List<String> ALL_VERSIONS = List.of(MODERN_VERSION, "2025-11-25", "2025-06-18", "2025-03-26");
    static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

    static ProtocolEra of(JsonNode message, String versionHeader) {
        if (!message.isObject()) {
            return LEGACY;
        }
        if (message.path("params").path("_meta").has(META_PROTOCOL_VERSION)) {
            return MODERN;
        }
        return versionHeader != null && MODERN_VERSION.equals(versionHeader.strip()) ? MODERN : LEGACY;
    }
}
