package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtectedResourceTest {
    static final ProtectedResource MCP = new ProtectedResource("https://faultline.example/mcp");

    @Test
    void an_absent_resource_names_the_one_served() {
        assertThat(MCP.resolve(Optional.empty())).isEqualTo(new ProtectedResource.Resolution.Served(MCP));
    }

    @Test
    void the_served_resource_named_exactly_is_served() {
        assertThat(MCP.resolve(Optional.of("https://faultline.example/mcp")))
                .isEqualTo(new ProtectedResource.Resolution.Served(MCP));
    }

    @Test
    void any_other_resource_is_not_served_and_the_error_names_the_one_that_is() {
        assertThat(MCP.resolve(Optional.of("https://other.example/mcp"))).isEqualTo(
                new ProtectedResource.Resolution.NotServed("resource \"https://other.example/mcp\" is not served by"
                        + " this authorization server; use \"https://faultline.example/mcp\""));
    }

    @Test
    void names_are_compared_exactly_without_normalisation() {
        for (String near : new String[] {"https://faultline.example/mcp/", "HTTPS://faultline.example/mcp",
                "https://FAULTLINE.example/mcp", "https://faultline.example:443/mcp", ""}) {
            assertThat(MCP.resolve(Optional.of(near)))
                    .as(near).isInstanceOf(ProtectedResource.Resolution.NotServed.class);
        }
    }

    @Test
    void is_an_absolute_uri_without_a_fragment() {
        assertThatThrownBy(() -> new ProtectedResource("/mcp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtectedResource("https://faultline.example/mcp#x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtectedResource("https://faultline example/mcp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ProtectedResource("http://127.0.0.1:8080/mcp").uri()).isEqualTo("http://127.0.0.1:8080/mcp");
    }
}
