package dev.faultline.adapters.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactingRequestLogWriterTest {
    static final String PAT = "flt_pat_abcDEF123";
    static final String OPAQUE = "s3cr3tV4lue";

    @Test
    void masks_the_personal_token_of_the_url_form() {
        List<String> lines = new ArrayList<>();
        new RedactingRequestLogWriter(lines::add).write(
                "127.0.0.1 - - [23/Nov/2026] \"POST /mcp/flt_pat_abcDEF123 HTTP/1.1\" 200 12");

        assertThat(lines).containsExactly("127.0.0.1 - - [23/Nov/2026] \"POST /mcp/*** HTTP/1.1\" 200 12");
    }

    /** Path tricks that a server may read as {@code /mcp/{token}}; the token is an opaque string here. */
    @ParameterizedTest
    @ValueSource(strings = {"/mcp/oauth/../" + OPAQUE, "//mcp/" + OPAQUE, "/mcp/" + OPAQUE + "/",
            "/mcp%2F" + OPAQUE, "/mcp%252F" + OPAQUE, "/mcp;x=1/" + OPAQUE, "/MCP/" + OPAQUE, "/Mcp/./" + OPAQUE,
            "/a/../mcp/" + OPAQUE, "/mcp/oauth/%2e%2e/" + OPAQUE, "/mcp/" + OPAQUE + ";jsessionid=1",
            "http://localhost:8080/mcp/" + OPAQUE, "/mcp\\" + OPAQUE, "/mcp/oauth/token/../../" + OPAQUE})
    void masksTheUrlFormWhateverShapeThePathTakes(String target) {
        String line = "127.0.0.1 - - [23/Nov/2026] \"POST " + target + " HTTP/1.1\" 401 0 \"-\" \"curl\"";

        String redacted = RedactingRequestLogWriter.redact(line);

        assertThat(redacted).doesNotContain(OPAQUE).contains("/mcp/***").endsWith("401 0 \"-\" \"curl\"");
    }

    @Test
    void keeps_the_endpoints_that_carry_no_secret() {
        for (String path : List.of("/mcp", "/mcp/oauth/token", "/mcp/oauth/register", "/mcp/oauth/authorize",
                "/mcp/oauth/revoke", "/mcp/oauth/jwks", "/settings/integrations", "/login")) {
            assertThat(RedactingRequestLogWriter.redact("\"POST " + path + " HTTP/1.1\""))
                    .isEqualTo("\"POST " + path + " HTTP/1.1\"");
        }
    }

    @Test
    void masks_secret_parameters_in_any_path_and_encoding() {
        assertThat(RedactingRequestLogWriter.redact("\"GET /mcp?access_token=abc HTTP/1.1\""))
                .isEqualTo("\"GET /mcp?access_token=*** HTTP/1.1\"");
        assertThat(RedactingRequestLogWriter.redact("\"GET /callback?state=s&code=abc&x=1 HTTP/1.1\""))
                .isEqualTo("\"GET /callback?state=***&code=***&x=1 HTTP/1.1\"");
        for (String name : List.of("code", "CODE", "c%6Fde", "refresh_token", "token", "client_secret", "password",
                "code_verifier", "Access_Token")) {
            assertThat(RedactingRequestLogWriter.redact("\"POST /mcp/oauth/token?a=1&" + name + "=" + OPAQUE
                    + " HTTP/1.1\"")).as(name).doesNotContain(OPAQUE).contains("a=1");
        }
    }

    @Test
    void masks_secrets_in_the_referer_and_anything_shaped_like_a_faultline_secret_or_a_jwt() {
        String line = "1.2.3.4 - - [t] \"GET /issues HTTP/1.1\" 200 5 \"http://app.example/cb?code=" + OPAQUE
                + "\" \"agent " + PAT + " eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\"";

        String redacted = RedactingRequestLogWriter.redact(line);

        assertThat(redacted).doesNotContain(OPAQUE).doesNotContain(PAT).doesNotContain("eyJzdWIiOiJ4In0")
                .contains("\"GET /issues HTTP/1.1\" 200 5");
        assertThat(RedactingRequestLogWriter.redact("\"GET /x/" + PAT + " HTTP/1.1\"")).doesNotContain(PAT);
    }
}
