package dev.faultline.acceptance.javasdk;

import java.net.URI;

/**
 * The official MCP Java SDK ({@code io.modelcontextprotocol.sdk:mcp-core} 2.2.0) against a running Faultline,
 * on both protocol eras it serves: the legacy client (initialize, 2025-11-25) over Streamable HTTP and the
 * modern client, which speaks only 2026-07-28. Both authenticate with a read-only personal token as
 * {@code Authorization: Bearer}, set through the SDK's request customizer; a bad token must give each client its
 * authentication error. Needs FAULTLINE_URL and FAULTLINE_PERSONAL_TOKEN. Exits non-zero when a check fails.
 */
public final class JavaSdkAcceptance {
    /** The SDK's own timeout for one request; each check also has a hard limit of {@link #CHECK_LIMIT_SECONDS}. */
    static final java.time.Duration REQUEST_TIMEOUT = java.time.Duration.ofSeconds(20);
    static final long CHECK_LIMIT_SECONDS = 60;

    private JavaSdkAcceptance() {
    }

    public static void main(String[] args) {
        URI base = URI.create(System.getenv().getOrDefault("FAULTLINE_URL", "http://localhost:18480")
                .replaceAll("/+$", ""));
        String token = System.getenv("FAULTLINE_PERSONAL_TOKEN");
        if (token == null || token.isBlank()) {
            System.out.println("FAIL java-client: FAULTLINE_PERSONAL_TOKEN is not set");
            System.exit(1);
        }
        boolean passed;
        try (Checks checks = new Checks("java-client", CHECK_LIMIT_SECONDS)) {
            new LegacyClientChecks(base, token, checks).run();
            new ModernClientChecks(base, token, checks).run();
            System.out.println(checks.summary());
            passed = checks.allPassed();
        }
        // The SDK's Reactor schedulers keep non-daemon threads alive; the verdict is the exit code.
        System.exit(passed ? 0 : 1);
    }
}
