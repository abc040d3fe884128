package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example/callback",
        "https://app.example:8443/cb?x=1",
        "http://127.0.0.1/callback",
        "http://127.0.0.1:33418/callback",
        "http://[::1]:8080/cb",
        "http://localhost:3000/oauth/callback",
        "com.example.app:/callback",
        "cursor.mcp:/oauth/callback",
        "cursor://anysphere.cursor-mcp/oauth/callback",
        "windsurf://codeium.windsurf/oauth/callback",
        "vscode://vscode.github-authentication/did-authenticate",
        "myapp:/callback",
        "myapp://callback",
        "x-app+v2.beta-1://cb/path?x=1",
    })
    void accepts_https_loopback_http_and_private_use_schemes(String uri) {
        assertThat(RedirectUri.parse(uri).value()).isEqualTo(uri);
    }

    @Test
    void refuses_http_on_a_public_host_naming_the_alternatives() {
        assertThatThrownBy(() -> RedirectUri.parse("http://evil.example/cb"))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("\"http://evil.example/cb\" uses http on a non-loopback host")
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void refuses_a_fragment() {
        assertThatThrownBy(() -> RedirectUri.parse("https://app.example/cb#frag"))
                .hasMessageContaining("must not contain a fragment");
        assertThatThrownBy(() -> RedirectUri.parse("https://app.example/cb#"))
                .hasMessageContaining("must not contain a fragment");
    }

    @Test
    void refuses_user_info() {
        assertThatThrownBy(() -> RedirectUri.parse("https://user:pw@app.example/cb"))
                .hasMessageContaining("must not contain user info");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "javascript://x/%0Aalert(1)", "data:text/html,hi",
        "file:///etc/passwd", "vbscript:x", "blob:https://app.example/1", "about:blank", "about://blank/x",
        "filesystem:https://app.example/temporary/x", "view-source:https://app.example/",
        "ftp://app.example/cb", "ws://127.0.0.1/cb", "wss://app.example/cb"})
    void refuses_dangerous_and_non_redirect_web_schemes(String uri) {
        assertThatThrownBy(() -> RedirectUri.parse(uri)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.app:callback", "myapp:x", "mailto:someone@example.com"})
    void refuses_opaque_private_use_uris(String uri) {
        assertThatThrownBy(() -> RedirectUri.parse(uri)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("needs a path");
    }

    @Test
    void refuses_a_one_letter_scheme_which_is_a_drive_letter() {
        assertThatThrownBy(() -> RedirectUri.parse("c:/Users/x/cb")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("drive letter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cursor://anysphere.cursor-mcp/cb#x", "cursor://user@anysphere.cursor-mcp/cb",
        "Cursor://anysphere.cursor-mcp/cb", "http://app.example/cb", "http://10.0.0.1/cb",
        "http://127.0.0.1.evil.example/cb"})
    void private_use_and_http_keep_the_fragment_user_info_case_and_loopback_rules(String uri) {
        assertThatThrownBy(() -> RedirectUri.parse(uri)).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/callback", "app.example/cb", "", " ", "https://", "https://exa mple/cb"})
    void refuses_relative_or_malformed(String uri) {
        assertThatThrownBy(() -> RedirectUri.parse(uri)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("redirect_uri");
    }

    @Test
    void refuses_null_and_overlong() {
        assertThatThrownBy(() -> RedirectUri.parse(null)).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> RedirectUri.parse("https://a.example/" + "x".repeat(2000)))
                .hasMessageContaining("at most 2000");
    }

    @Test
    void https_matches_only_the_exact_string() {
        RedirectUri uri = RedirectUri.parse("https://app.example/cb");
        assertThat(uri.matches("https://app.example/cb")).isTrue();
        assertThat(uri.matches("https://app.example/cb/")).isFalse();
        assertThat(uri.matches("https://APP.example/cb")).isFalse();
        assertThat(uri.matches("https://app.example:443/cb")).isFalse();
        assertThat(uri.matches("https://app.example/cb?x=1")).isFalse();
        assertThat(uri.matches(null)).isFalse();
    }

    @Test
    void loopback_http_matches_with_any_port_but_nothing_else_varies() {
        RedirectUri uri = RedirectUri.parse("http://127.0.0.1/callback");
        assertThat(uri.matches("http://127.0.0.1:51234/callback")).isTrue();
        assertThat(uri.matches("http://127.0.0.1/callback")).isTrue();
        assertThat(uri.matches("http://127.0.0.1:51234/other")).isFalse();
        assertThat(uri.matches("http://localhost:51234/callback")).isFalse();
        assertThat(uri.matches("https://127.0.0.1:51234/callback")).isFalse();
        assertThat(uri.matches("http://127.0.0.1:51234/callback?x=1")).isFalse();
        assertThat(uri.matches("http://127.0.0.1:51234/callback#f")).isFalse();
        assertThat(uri.matches("http://u@127.0.0.1:51234/callback")).isFalse();
        assertThat(RedirectUri.parse("http://[::1]:9/cb").matches("http://[::1]:40000/cb")).isTrue();
    }

    @Test
    void private_use_scheme_matches_exactly() {
        RedirectUri uri = RedirectUri.parse("com.example.app:/callback");
        assertThat(uri.matches("com.example.app:/callback")).isTrue();
        assertThat(uri.matches("com.example.app:/callback2")).isFalse();
        RedirectUri cursor = RedirectUri.parse("cursor://anysphere.cursor-mcp/oauth/callback");
        assertThat(cursor.matches("cursor://anysphere.cursor-mcp/oauth/callback")).isTrue();
        assertThat(cursor.matches("cursor://anysphere.cursor-mcp:1/oauth/callback")).isFalse();
        assertThat(cursor.matches("cursor://anysphere.cursor-mcp/oauth/callback/")).isFalse();
        assertThat(cursor.matches("cursor://evil/oauth/callback")).isFalse();
    }

    @Test
    void loopback_http_treats_an_empty_path_and_a_slash_alike_but_nothing_more() {
        // VS Code registers http://127.0.0.1:33418 and comes back to http://127.0.0.1:33418/ (RFC 3986 §6.2.3).
        RedirectUri vscode = RedirectUri.parse("http://127.0.0.1:33418");
        assertThat(vscode.matches("http://127.0.0.1:33418/")).isTrue();
        assertThat(vscode.matches("http://127.0.0.1:40000/")).isTrue();
        assertThat(vscode.matches("http://127.0.0.1:33418//")).isFalse();
        assertThat(vscode.matches("http://127.0.0.1:33418/cb")).isFalse();
        assertThat(RedirectUri.parse("http://127.0.0.1:33418/").matches("http://127.0.0.1:33418")).isTrue();
        assertThat(RedirectUri.parse("https://app.example").matches("https://app.example/")).isFalse();
    }

    @Test
    void display_host_is_the_web_host_or_says_it_is_an_app() {
        assertThat(RedirectUri.parse("https://app.example/cb").displayHost()).isEqualTo("app.example");
        assertThat(RedirectUri.parse("http://127.0.0.1:33418").displayHost()).isEqualTo("127.0.0.1");
        assertThat(RedirectUri.parse("com.example.app:/cb").displayHost()).isEqualTo("the app com.example.app:");
        assertThat(RedirectUri.parse("cursor://anysphere.cursor-mcp/oauth/callback").displayHost())
                .isEqualTo("the app cursor://anysphere.cursor-mcp");
    }

    @org.junit.jupiter.api.Test
    void a_path_less_loopback_uri_matches_the_same_with_a_slash_on_any_port_and_nothing_else() {
        RedirectUri vscode = RedirectUri.parse("http://127.0.0.1:33418");
        org.assertj.core.api.Assertions.assertThat(vscode.matches("http://127.0.0.1:33418/")).isTrue();
        org.assertj.core.api.Assertions.assertThat(vscode.matches("http://127.0.0.1:40000/")).isTrue();
        org.assertj.core.api.Assertions.assertThat(vscode.matches("http://127.0.0.1:33418/callback")).isFalse();
        org.assertj.core.api.Assertions.assertThat(RedirectUri.parse("http://127.0.0.1/cb").matches("http://127.0.0.1/cb/"))
                .isFalse();
    }
}
