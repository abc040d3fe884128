package dev.faultline.adapters.pages.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Cookie;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {
    @Test
    void behind_https_cookies_are_secure_and_host_prefixed() {
        SessionCookies cookies = SessionCookies.forIssuer("https://faultline.example");

        assertThat(cookies.sessionCookieName()).isEqualTo("__Host-faultline_session");
        assertThat(cookies.loginCsrfCookieName()).isEqualTo("__Host-faultline_csrf");
        assertThat(cookies.startSession("flt_ses_x", Instant.parse("2026-11-30T10:00:00Z"))).isEqualTo(
                "__Host-faultline_session=flt_ses_x; Path=/; Expires=Mon, 30 Nov 2026 10:00:00 GMT; HttpOnly;"
                        + " SameSite=Lax; Secure");
        assertThat(cookies.clearSession()).startsWith("__Host-faultline_session=; Path=/; Max-Age=0;");
    }

    @Test
    void over_plain_http_they_are_neither() {
        SessionCookies cookies = SessionCookies.forIssuer("http://localhost:8080");

        assertThat(cookies.sessionCookieName()).isEqualTo("faultline_session");
        assertThat(cookies.loginCsrfCookie("v")).isEqualTo("faultline_csrf=v; Path=/; HttpOnly; SameSite=Lax");
        assertThat(cookies.sessionSecret(Map.of("faultline_session", new Cookie.Builder("faultline_session")
                .value("flt_ses_y").build()))).contains("flt_ses_y");
        assertThat(cookies.sessionSecret(Map.of())).isEmpty();
    }

    @Test
    void the_login_csrf_check_needs_two_equal_well_formed_values() {
        String value = LoginCsrf.fresh();

        assertThat(LoginCsrf.matches(value, value)).isTrue();
        assertThat(LoginCsrf.matches(value, LoginCsrf.fresh())).isFalse();
        assertThat(LoginCsrf.matches(null, value)).isFalse();
        assertThat(LoginCsrf.matches("short", "short")).isFalse();
        assertThat(LoginCsrf.fresh()).isNotEqualTo(value);
    }
}
