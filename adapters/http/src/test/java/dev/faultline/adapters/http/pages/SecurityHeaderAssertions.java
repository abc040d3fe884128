package dev.faultline.adapters.http.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

/** The headers every page must send (DESIGN.md §5), errors included. */
final class SecurityHeaderAssertions {
    private SecurityHeaderAssertions() {
    }

    static void assertPageHeaders(Response response) {
        assertThat(response.getHeaderString("Content-Security-Policy"))
                .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .contains("form-action 'self'").doesNotContain("unsafe-inline");
        assertThat(response.getHeaderString("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaderString("Content-Type")).startsWith("text/html");
    }
}
