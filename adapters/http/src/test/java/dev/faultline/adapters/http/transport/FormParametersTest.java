package dev.faultline.adapters.http.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Form bodies decode exactly, or are refused: nothing that is not UTF-8 becomes U+FFFD. */
class FormParametersTest {
    @Test
    void decodes_percent_escapes_plus_and_multibyte_characters() {
        FormParameters form = parsed("scope=mcp%3Aread+mcp%3Awrite&state=%C3%A9t%C3%A9&name=%F0%9F%98%80&x=\u00e9");

        assertThat(form.get("scope")).isEqualTo("mcp:read mcp:write");
        assertThat(form.get("state")).isEqualTo("\u00e9t\u00e9");
        assertThat(form.get("name")).isEqualTo("\uD83D\uDE00");
        assertThat(form.get("x")).isEqualTo("\u00e9");
    }

    @Test
    void a_nul_is_decoded_as_sent_for_the_parameter_rules_to_refuse_never_dropped() {
        assertThat(parsed("scope=mcp%3Aread%00").get("scope")).isEqualTo("mcp:read\u0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"code=%C0%80", "code=%C0%AF", "code=%E0%80%AF", "code=%ED%A0%80", "code=%F4%90%80%80",
            "code=%FF", "code=%80", "code=%C3", "code=%", "code=%4", "code=%G1", "code=%\u0663\u0663",
            "%ZZ=1"})
    void bad_percent_encoding_or_bytes_that_are_not_utf_8_are_refused(String body) {
        FormParameters.Parse parse = FormParameters.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(parse).isInstanceOf(FormParameters.Parse.Malformed.class);
        assertThat(((FormParameters.Parse.Malformed) parse).description()).contains("not UTF-8")
                .matches("[\\x20-\\x7E]*");
    }

    @Test
    void a_raw_body_that_is_not_utf_8_is_refused() {
        FormParameters.Parse parse = FormParameters.parse(new byte[] {'a', '=', (byte) 0xC0, (byte) 0x80});

        assertThat(parse).isInstanceOf(FormParameters.Parse.Malformed.class);
    }

    private static FormParameters parsed(String body) {
        FormParameters.Parse parse = FormParameters.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(parse).isInstanceOf(FormParameters.Parse.Parsed.class);
        return ((FormParameters.Parse.Parsed) parse).parameters();
    }

    @Test
    void what_browsers_send_parses_and_broken_escapes_or_non_utf8_bytes_do_not() {
        for (String body : new String[] {"", "a=1", "email=a%40b.c&password=p+w&csrf=x", "title=%E2%82%AC%F0%9F%92%A9",
                "a=&b", "x=%00"}) {
            assertThat(FormParameters.parse(body.getBytes(StandardCharsets.US_ASCII)))
                    .as(body).isInstanceOf(FormParameters.Parse.Parsed.class);
        }
        for (String body : new String[] {"%", "a=%", "a=%2", "a=%zz", "%zz=1", "a=%C0%AF", "a=%ED%A0%80", "a=%FF",
                "a=%E2%82"}) {
            assertThat(FormParameters.parse(body.getBytes(StandardCharsets.US_ASCII)))
                    .as(body).isInstanceOf(FormParameters.Parse.Malformed.class);
        }
        assertThat(FormParameters.parse(new byte[] {'a', '=', (byte) 0xC0, (byte) 0xAF}))
                .isInstanceOf(FormParameters.Parse.Malformed.class);
    }
}
