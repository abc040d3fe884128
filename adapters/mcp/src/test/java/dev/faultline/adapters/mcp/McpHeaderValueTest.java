package dev.faultline.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class McpHeaderValueTest {
    @Test
    void optional_whitespace_around_a_value_is_not_part_of_it() {
        assertThat(McpHeaderValue.of(List.of("  list_issues \t"))).isEqualTo(new McpHeaderValue.Present("list_issues"));
    }

    @Test
    void a_base64_value_carries_utf8_text_and_its_marker_is_case_insensitive() {
        assertThat(McpHeaderValue.decode("=?base64?w6lsw6h2ZQ==?=")).contains("élève");
        assertThat(McpHeaderValue.decode(" =?BASE64?dG9vbHMvbGlzdA==?= ")).contains("tools/list");
    }

    @Test
    void invalid_base64_or_invalid_utf8_is_undecodable() {
        assertThat(McpHeaderValue.of(List.of("=?base64?not base64!?="))).isInstanceOf(McpHeaderValue.Undecodable.class);
        assertThat(McpHeaderValue.of(List.of("=?base64?/w==?="))).isInstanceOf(McpHeaderValue.Undecodable.class);
    }

    @Test
    void text_that_only_looks_partly_encoded_is_taken_as_it_is() {
        assertThat(McpHeaderValue.decode("=?base64?abc")).contains("=?base64?abc");
        assertThat(McpHeaderValue.decode("=?utf-8?b?YQ==?=")).contains("=?utf-8?b?YQ==?=");
    }

    @Test
    void missing_and_duplicated_headers_are_told_apart() {
        assertThat(McpHeaderValue.of(null)).isInstanceOf(McpHeaderValue.Missing.class);
        assertThat(McpHeaderValue.of(List.of())).isInstanceOf(McpHeaderValue.Missing.class);
        assertThat(McpHeaderValue.of(List.of("a", "a"))).isInstanceOf(McpHeaderValue.Duplicated.class);
    }
}
