package dev.faultline.adapters.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingRequestLogWriterTest {

    @Test
    void masksThePersonalTokenOfTheUrlForm() {
        List<String> lines = new ArrayList<>();
        new RedactingRequestLogWriter(lines::add).write(
                "127.0.0.1 - - [23/Nov/2026] \"POST /mcp/flt_pat_abcDEF123 HTTP/1.1\" 200 12");

        assertThat(lines).containsExactly("127.0.0.1 - - [23/Nov/2026] \"POST /mcp/*** HTTP/1.1\" 200 12");
    }

    @Test
    void masksSecretsInQueryStringsButKeepsOrdinaryPaths() {
        assertThat(RedactingRequestLogWriter.redact("\"GET /mcp?access_token=eyJabc HTTP/1.1\""))
                .isEqualTo("\"GET /mcp?access_token=*** HTTP/1.1\"");
        assertThat(RedactingRequestLogWriter.redact("\"GET /callback?state=s&code=flt_ac_123 HTTP/1.1\""))
                .isEqualTo("\"GET /callback?state=s&code=*** HTTP/1.1\"");
        assertThat(RedactingRequestLogWriter.redact("\"POST /mcp/oauth/token HTTP/1.1\""))
                .isEqualTo("\"POST /mcp/oauth/token HTTP/1.1\"");
        assertThat(RedactingRequestLogWriter.redact("\"POST /mcp HTTP/1.1\"")).isEqualTo("\"POST /mcp HTTP/1.1\"");
    }
}
