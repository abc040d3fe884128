package dev.faultline.adapters.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ArgumentTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void plain_arguments_have_no_violations() throws Exception {
        assertThat(ArgumentText.violations(JSON.readTree("{\"query\":\"a\\tb\\nc\",\"ids\":[\"x\"],\"o\":{\"k\":\"v\"}}")))
                .isEmpty();
    }

    @Test
    void a_control_character_is_named_with_the_path_where_it_sits() throws Exception {
        String name61 = "n".repeat(61);
        assertThat(ArgumentText.violations(JSON.readTree("{\"o\":{\"a\\tb\":[\"ok\",\"x\\u0007\"]},\"" + name61
                + "\":\"\\u001b\",\"na\\u0000me\":\"v\"}"))).containsExactly(
                "o.a[U+0009]b[1]: contains the control character U+0007, which no argument may contain (tab and line"
                        + " breaks aside)",
                "n".repeat(60) + ": contains the control character U+001B, which no argument may contain (tab and line"
                        + " breaks aside)",
                "arguments: a field name contains the control character U+0000");
    }
}
