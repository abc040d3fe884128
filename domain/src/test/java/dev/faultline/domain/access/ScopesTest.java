package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Scope strings are parsed as RFC 6749 §3.3 writes them; nothing else is quietly trimmed into shape. */
class ScopesTest {
    @Test
    void scope_names_separated_by_spaces_parse_and_spaces_around_are_tolerated() {
        assertThat(Scopes.parse("mcp:read mcp:write", Scopes.READ_ONLY)).isEqualTo(Scopes.READ_WRITE);
        assertThat(Scopes.parse("  mcp:write   mcp:read ", Scopes.READ_ONLY)).isEqualTo(Scopes.READ_WRITE);
    }

    @Test
    void absent_empty_or_only_spaces_means_nothing_requested() {
        for (String nothing : new String[] {null, "", "   "}) {
            assertThat(Scopes.parse(nothing, Scopes.READ_ONLY)).isEqualTo(Scopes.READ_ONLY);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mcp:read\u0000", "\u0000mcp:read", "mcp:read\tmcp:write", "mcp:read\n", "\u001f",
            "\u001fmcp:read", "mcp:read\u007f", "mcp:read\u0085", "mcp:read\u00a0", "mcp:read\u2028",
            "mcp:\"read\"", "mcp:read\\"})
    void any_other_character_is_refused_never_trimmed_away(String scope) {
        assertThatThrownBy(() -> Scopes.parse(scope, Scopes.READ_ONLY))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("scope may contain only scope names separated by spaces")
                .hasMessageMatching("(?s).*U\\+[0-9A-F]{4} at position \\d+.*")
                .satisfies(e -> assertThat(e.getMessage()).matches("[\\x20-\\x7E]*"));
    }

    @Test
    void an_unknown_scope_is_named() {
        for (String unknown : List.of("mcp:admin", "mcp:read mcp:admin")) {
            assertThatThrownBy(() -> Scopes.parse(unknown, Scopes.READ_ONLY))
                    .isInstanceOf(InvalidValue.class).hasMessageContaining("unknown scope \"mcp:admin\"");
        }
    }

    @Test
    void a_request_may_carry_offline_access_and_openid_which_are_ignored_never_granted() {
        assertThat(Scopes.parseRequested("mcp:read offline_access")).contains(Scopes.READ_ONLY);
        assertThat(Scopes.parseRequested("openid mcp:write offline_access mcp:read")).contains(Scopes.READ_WRITE);
        assertThat(Scopes.parseRequested("offline_access")).isEmpty();
        assertThat(Scopes.parseRequested("openid offline_access")).isEmpty();
        assertThat(Scopes.parseRequested(null)).isEmpty();
        assertThat(Scopes.parseRequested("  ")).isEmpty();
    }

    @Test
    void a_request_with_any_other_unknown_scope_is_refused_naming_it() {
        assertThatThrownBy(() -> Scopes.parseRequested("mcp:read profile")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("unknown scope \"profile\"");
        assertThatThrownBy(() -> Scopes.parseRequested("offline_access\u0000")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> Scopes.parse("offline_access", Scopes.READ_ONLY)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("unknown scope \"offline_access\"");
    }

    @Test
    void a_registration_keeps_the_known_scopes_and_drops_the_rest() {
        assertThat(Scopes.parseKnown("openid profile email mcp:read offline_access")).contains(Scopes.READ_ONLY);
        assertThat(Scopes.parseKnown("mcp:write api mcp:read")).contains(Scopes.READ_WRITE);
        assertThat(Scopes.parseKnown("openid profile")).isEmpty();
        assertThat(Scopes.parseKnown(null)).isEmpty();
        assertThatThrownBy(() -> Scopes.parseKnown("mcp:read\tprofile")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("U+0009");
    }
}
