package dev.faultline.adapters.pages;

import static dev.faultline.adapters.pages.PagesHarness.CSRF_COOKIE;
import static dev.faultline.adapters.pages.PagesHarness.PASSWORD;
import static dev.faultline.adapters.pages.PagesHarness.SESSION_COOKIE;
import static dev.faultline.adapters.pages.PagesHarness.cookie;
import static dev.faultline.adapters.pages.PagesHarness.hiddenField;
import static dev.faultline.adapters.pages.PagesHarness.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.domain.access.CsrfToken;
import dev.faultline.domain.account.EmailAddress;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class LoginPageTest {
    static final PagesHarness h = new PagesHarness();
    static final ResourceExtension resources = h.resources;

    @Test
    void the_login_form_is_an_accessible_page_with_a_double_submit_csrf_cookie_and_field() {
        try (Response response = h.request("/login").get()) {
            String html = response.readEntity(String.class);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("text/html");
            String csrf = cookie(response, CSRF_COOKIE).orElseThrow();
            assertThat(hiddenField(html, "csrf")).isEqualTo(csrf);
            assertThat(setCookies(response)).anySatisfy(c -> assertThat(c).startsWith(CSRF_COOKIE + "=")
                    .contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax").contains("; Secure"));
            assertThat(html).contains("<html lang=\"en\">").contains("<label for=\"email\">")
                    .contains("<label for=\"password\">").contains("<h1>Sign in</h1>")
                    .contains("name=\"viewport\"").contains("href=\"/assets/faultline.css?v=" + AssetsResource.VERSION + "\"");
        }
    }

    @Test
    void signing_in_starts_a_session_with_a_secure_http_only_cookie_and_redirects_303_to_return_to() {
        String email = h.user();

        try (Response response = h.postLogin(email, PASSWORD, "/mcp/oauth/authorize?client_id=x&state=y",
                Optional.empty())) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location"))
                    .isEqualTo(PagesHarness.ISSUER + "/mcp/oauth/authorize?client_id=x&state=y");
            String secret = cookie(response, SESSION_COOKIE).orElseThrow();
            assertThat(setCookies(response)).anySatisfy(c -> assertThat(c).startsWith(SESSION_COOKIE + "=")
                    .contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax").contains("; Secure")
                    .contains("; Expires=").doesNotContain("Domain="));
            ResolveBrowserSession.Outcome who = h.resolve.resolve(secret);
            assertThat(who).isInstanceOf(ResolveBrowserSession.Outcome.SignedIn.class);
            assertThat(((ResolveBrowserSession.Outcome.SignedIn) who).email()).isEqualTo(EmailAddress.of(email));
        }
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_401_and_no_session() {
        String email = h.user();

        try (Response wrong = h.postLogin(email, "not the password at all", null, Optional.empty());
                Response unknown = h.postLogin("nobody-" + email, PASSWORD, null, Optional.empty())) {
            String wrongHtml = wrong.readEntity(String.class);
            String unknownHtml = unknown.readEntity(String.class);

            assertThat(wrong.getStatus()).isEqualTo(401);
            assertThat(unknown.getStatus()).isEqualTo(401);
            assertThat(wrongHtml).contains("E-mail or password is wrong.").contains("role=\"alert\"");
            assertThat(unknownHtml).contains("E-mail or password is wrong.");
            assertThat(cookie(wrong, SESSION_COOKIE)).isEmpty();
            assertThat(cookie(unknown, SESSION_COOKIE)).isEmpty();
            assertThat(wrongHtml).doesNotContain("not the password at all");
        }
    }

    @Test
    void repeated_failures_are_throttled_with_429_and_the_minutes_to_wait() {
        String email = h.user();
        for (int i = 0; i < 5; i++) {
            h.postLogin(email, "wrong password " + i, null, Optional.empty()).close();
        }

        try (Response response = h.postLogin(email, PASSWORD, null, Optional.empty())) {
            assertThat(response.getStatus()).isEqualTo(429);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
            assertThat(response.readEntity(String.class)).contains("Wait 1 minute and try again.");
            assertThat(cookie(response, SESSION_COOKIE)).isEmpty();
        }
    }

    @Test
    void with_no_free_password_check_slot_the_form_answers_503_with_retry_after_and_counts_nothing() {
        String email = h.user();
        h.permits.busy(true);
        try (Response response = h.postLogin(email, PASSWORD, null, Optional.empty())) {
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
            assertThat(response.readEntity(String.class)).contains("your password was not checked")
                    .contains("<h1>Sign in</h1>");
            assertThat(cookie(response, SESSION_COOKIE)).isEmpty();
        } finally {
            h.permits.busy(false);
        }
        assertThat(h.attempts.find(EmailAddress.of(email))).isEmpty();
    }

    @Test
    void a_malformed_email_address_gets_a_precise_400() {
        try (Response response = h.postLogin("not-an-address", PASSWORD, null, Optional.empty())) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("is not an e-mail address");
        }
    }

    @Test
    void signing_in_without_the_matching_csrf_cookie_and_field_is_refused_403_and_changes_nothing() {
        String email = h.user();
        String csrf = h.loginCsrf();
        Form form = new Form().param("email", email).param("password", "wrong password x").param("csrf", csrf);

        try (Response noCookie = h.request("/login").post(Entity.form(form));
                Response otherCookie = h.request("/login").cookie(CSRF_COOKIE, h.loginCsrf()).post(Entity.form(form));
                Response noField = h.request("/login").cookie(CSRF_COOKIE, csrf).post(Entity.form(
                        new Form().param("email", email).param("password", PASSWORD)))) {
            assertThat(noCookie.getStatus()).isEqualTo(403);
            assertThat(otherCookie.getStatus()).isEqualTo(403);
            assertThat(noField.getStatus()).isEqualTo(403);
            assertThat(cookie(noField, SESSION_COOKIE)).isEmpty();
        }
        assertThat(h.attempts.find(EmailAddress.of(email))).as("no failure was counted").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
            "evil", "/ok\r\nSet-Cookie: x=y", " /leading-space"})
    void return_to_outside_this_server_is_replaced_by_the_home_path(String returnTo) {
        String email = h.user();
        try (Response form = h.request(h.resources.target("/login").queryParam("return_to", returnTo)).get();
                Response signedIn = h.postLogin(email, PASSWORD, returnTo, Optional.empty())) {
            assertThat(hiddenField(form.readEntity(String.class), "return_to")).isEqualTo("/");
            assertThat(signedIn.getHeaderString("Location")).isEqualTo(PagesHarness.ISSUER + "/");
        }
    }

    @Test
    void signing_in_again_replaces_the_session_cookie_and_ends_the_old_session() {
        String email = h.user();
        String first = h.signIn(email);

        try (Response again = h.postLogin(email, PASSWORD, null, Optional.of(first))) {
            String second = cookie(again, SESSION_COOKIE).orElseThrow();

            assertThat(second).isNotEqualTo(first);
            assertThat(h.resolve.resolve(first)).isEqualTo(new ResolveBrowserSession.Outcome.NotSignedIn());
            assertThat(h.resolve.resolve(second)).isInstanceOf(ResolveBrowserSession.Outcome.SignedIn.class);
        }
    }

    @Test
    void signing_out_ends_the_session_clears_the_cookie_and_goes_to_the_login_page() {
        String secret = h.signIn(h.user());
        String csrf = CsrfToken.boundTo(secret).value();

        try (Response response = h.request("/logout").cookie(SESSION_COOKIE, secret)
                .post(Entity.form(new Form().param("csrf", csrf).param("return_to", "/mcp/oauth/authorize?a=b")))) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location")).isEqualTo(PagesHarness.ISSUER
                    + "/login?return_to=%2Fmcp%2Foauth%2Fauthorize%3Fa%3Db");
            assertThat(setCookies(response)).anySatisfy(c -> assertThat(c).startsWith(SESSION_COOKIE + "=;")
                    .contains("Max-Age=0"));
        }
        assertThat(h.resolve.resolve(secret)).isEqualTo(new ResolveBrowserSession.Outcome.NotSignedIn());
    }

    @Test
    void signing_out_without_the_session_csrf_token_is_refused_403_and_the_session_lives_on() {
        String secret = h.signIn(h.user());

        try (Response response = h.request("/logout").cookie(SESSION_COOKIE, secret)
                .post(Entity.form(new Form().param("csrf", "forged")))) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(setCookies(response)).isEmpty();
        }
        assertThat(h.resolve.resolve(secret)).isInstanceOf(ResolveBrowserSession.Outcome.SignedIn.class);
    }

    @Test
    void page_responses_carry_the_security_headers() {
        try (Response response = h.request("/login").get()) {
            PagesHarness.assertPageSecurityHeaders(response);
        }
    }

    @Test
    void the_stylesheet_is_served_from_this_server() {
        try (Response response = h.request("/assets/faultline.css").get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("text/css");
            assertThat(response.readEntity(String.class)).contains(":focus-visible");
        }
    }

    @Test
    void the_login_page_sends_a_signed_in_browser_straight_on_to_return_to() {
        String session = h.signIn(h.user());
        try (Response response = h.get("/login?return_to=%2Fsettings%2Fintegrations", session)) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location")).isEqualTo(PagesHarness.ISSUER + "/settings/integrations");
        }
    }

    @Test
    void a_return_to_that_is_no_valid_uri_sends_a_signed_in_browser_home_instead_of_failing() {
        String session = h.signIn(h.user());
        for (String returnTo : new String[] {"/%3C", "/%22", "/%7C", "/%25zz"}) {
            try (Response response = h.get("/login?return_to=" + returnTo, session)) {
                assertThat(response.getStatus()).as(returnTo).isEqualTo(303);
                assertThat(response.getHeaderString("Location")).isEqualTo(PagesHarness.ISSUER + "/");
            }
        }
    }

    @Test
    void opening_logout_asks_first_and_changes_nothing_until_the_form_is_posted() {
        String session = h.signIn(h.user());
        try (Response asked = h.get("/logout", session); Response anonymous = h.get("/logout", null)) {
            assertThat(asked.getStatus()).isEqualTo(200);
            String html = asked.readEntity(String.class);
            assertThat(html).contains("Sign out of Faultline?").contains("action=\"/logout\"");
            assertThat(PagesHarness.hiddenField(html, "csrf")).isNotBlank();
            assertThat(anonymous.getStatus()).isEqualTo(303);
            assertThat(anonymous.getHeaderString("Location")).isEqualTo(PagesHarness.ISSUER + "/login");
        }
        try (Response stillSignedIn = h.get("/settings/integrations", session)) {
            assertThat(stillSignedIn.getStatus()).isEqualTo(200);
        }
    }
}
