package dev.faultline.adapters.mcp;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The browser origins that may call the MCP endpoint: Faultline's own and those configured
 * ({@code allowedOrigins}, {@code FAULTLINE_ALLOWED_ORIGINS}), compared case-insensitively. One home for the rule
 * that both the DNS-rebinding guard (refuses the others) and CORS (opens to these) apply.
 */
public final class McpAllowedOrigins {
    private final Set<String> origins = new HashSet<>();

    public McpAllowedOrigins(String issuer, Set<String> configured) {
        URI uri = URI.create(issuer);
        origins.add((uri.getScheme() + "://" + uri.getAuthority()).toLowerCase(Locale.ROOT));
        configured.forEach(origin -> origins.add(origin.toLowerCase(Locale.ROOT)));
    }

    public boolean allows(String origin) {
        return origin != null && origins.contains(origin.toLowerCase(Locale.ROOT));
    }

}
