package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClientIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://vscode.dev/oauth/client-metadata.json",
            "https://claude.ai/oauth/claude-code-client-metadata", "https://x.example:8443/c", "https://x.example/a/b"})
    void an_https_url_with_a_path_is_a_client_id_url(String url) {
        ClientId id = new ClientId(url);
        assertThat(id.isMetadataDocumentUrl()).isTrue();
        assertThat(id.urlHost()).hasValueSatisfying(host -> assertThat(url).contains(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x.example", "https://x.example/", "https://u:p@x.example/c",
            "https://x.example/c#f", "https://x.example/./c", "https://x.example/a/../c", "https://x.example/a/..",
            "https:///c", "https://x example/c", "http://x.example/c", "HTTPS://x.example/c", "https://x.example/caf\u00e9"})
    void a_url_of_any_other_shape_is_refused(String text) {
        assertThatThrownBy(() -> new ClientId(text)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_url_over_the_length_limit_is_refused_and_one_at_it_accepted() {
        String prefix = "https://x.example/";
        String atLimit = prefix + "a".repeat(ClientId.MAX_URL_LENGTH - prefix.length());
        assertThat(new ClientId(atLimit).value()).hasSize(ClientId.MAX_URL_LENGTH);
        assertThatThrownBy(() -> new ClientId(atLimit + "a")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void urls_compare_as_strings() {
        assertThat(new ClientId("https://x.example/c")).isNotEqualTo(new ClientId("https://x.example:443/c"));
    }

    @Test
    void opaque_ids_are_not_urls() {
        ClientId id = new ClientId("abc_DEF-123");
        assertThat(id.isMetadataDocumentUrl()).isFalse();
        assertThat(id.urlHost()).isEmpty();
    }

    @Test
    void an_opaque_id_is_1_to_128_letters_digits_underscores_or_dashes() {
        assertThat(new ClientId("a").value()).isEqualTo("a");
        assertThat(new ClientId("x".repeat(128)).value()).hasSize(128);
        assertThat(new ClientId("AZaz09_-").value()).isEqualTo("AZaz09_-");
        for (String refused : new String[] {"", "x".repeat(129), "a.b", "a b", "a+b", "a/b", "caf\u00e9",
                "\uff41", "a\u0000", "http://x/y", "@", "[", "`", "{", ":"}) {
            assertThatThrownBy(() -> new ClientId(refused)).as(refused).isInstanceOf(InvalidValue.class)
                    .hasMessageContaining("1-128 characters");
        }
    }

    /** The hand-written check accepts exactly what the pattern it replaced did. */
    @net.jqwik.api.Property(tries = 2000)
    void an_opaque_id_is_accepted_exactly_when_it_matches_the_documented_pattern(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.StringLength(max = 130)
            @net.jqwik.api.constraints.CharRange(from = ' ', to = '\u00ff') String text) {
        net.jqwik.api.Assume.that(!text.startsWith("https://"));
        boolean documented = text.matches("[A-Za-z0-9_-]{1,128}");
        boolean accepted;
        try {
            new ClientId(text);
            accepted = true;
        } catch (InvalidValue e) {
            accepted = false;
        }
        assertThat(accepted).as(text).isEqualTo(documented);
    }
}
