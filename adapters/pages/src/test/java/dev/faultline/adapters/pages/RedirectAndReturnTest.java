package dev.faultline.adapters.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectAndReturnTest {
    private static Map<String, String> codeAndState() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", "flt_ac_1");
        parameters.put("state", "a b&c=d/é");
        parameters.put("iss", "https://faultline.example");
        return parameters;
    }

    @Test
    void parameters_are_form_encoded_and_appended_to_an_existing_query() {
        assertThat(RedirectUris.withParameters("https://app.example/cb", codeAndState())).isEqualTo(
                "https://app.example/cb?code=flt_ac_1&state=a+b%26c%3Dd%2F%C3%A9&iss=https%3A%2F%2Ffaultline.example");
        assertThat(RedirectUris.withParameters("https://app.example/cb?x=1", codeAndState()))
                .startsWith("https://app.example/cb?x=1&code=flt_ac_1&state=");
        assertThat(RedirectUris.withParameters("https://app.example/cb?", codeAndState()))
                .startsWith("https://app.example/cb?code=flt_ac_1&");
        assertThat(RedirectUris.withParameters("com.example.app:/callback", codeAndState()))
                .startsWith("com.example.app:/callback?code=flt_ac_1&");
    }

    @Test
    void return_to_keeps_only_paths_on_this_server() {
        assertThat(ReturnTo.sanitize("/mcp/oauth/authorize?client_id=a&state=b")).isEqualTo("/mcp/oauth/authorize?client_id=a&state=b");
        assertThat(ReturnTo.sanitize("/")).isEqualTo("/");
        assertThat(ReturnTo.sanitize("/issues?status=muted&cursor=a%2Bb")).isEqualTo("/issues?status=muted&cursor=a%2Bb");
        for (String bad : new String[] {null, "", "https://evil.example", "//evil.example", "/\\evil.example",
                "\\\\evil.example", "evil.example", "/a\tb", "/a\nb", "/" + "a".repeat(5000), "/<",
                "/\"", "/a|b", "/{x}", "/^", "/`", "/%zz", "/#a#b", "/a\u2028b"}) {
            assertThat(ReturnTo.sanitize(bad)).as(String.valueOf(bad)).isEqualTo("/");
        }
    }

    @Test
    void the_consent_form_may_redirect_only_to_the_clients_origin() {
        assertThat(AuthorizeResource.formTarget("https://app.example/cb?x=1")).isEqualTo("https://app.example");
        assertThat(AuthorizeResource.formTarget("http://127.0.0.1:53682/callback")).isEqualTo("http://127.0.0.1:53682");
        assertThat(AuthorizeResource.formTarget("http://[::1]:8080/cb")).isEqualTo("http://[::1]:8080");
        assertThat(AuthorizeResource.formTarget("com.example.app:/callback")).isEqualTo("com.example.app:");
        assertThat(PageSecurityHeaders.withFormTargets("https://app.example"))
                .contains("form-action 'self' https://app.example;");
    }
}
