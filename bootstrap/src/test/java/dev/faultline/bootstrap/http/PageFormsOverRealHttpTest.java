package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page forms on the running server with its real filters: refusals are the documented 4xx pages (never a 500),
 * every answer on a page path carries the page security headers (framework answers included), and no form body is
 * read past its limit (a huge declared length: {@link HugeDeclaredBodiesTest}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PageFormsOverRealHttpTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server();
    private static final String EMAIL = "forms@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final List<String> FORM_POSTS = List.of("/mcp/oauth/authorize", "/settings/tokens",
            "/settings/tokens/revoke", "/settings/integrations/revoke", "/settings/integrations/revoke-all",
            "/logout", "/applications/any-app/settings/keys", "/applications/any-app/settings/keys/disable",
            "/applications/any-app/settings/keys/delete");

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void createPerson() {
        ((FaultlineApplication) APP.getApplication()).faultline().account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Forms", PASSWORD));
    }

    private String url(String path) {
        return "http://localhost:" + APP.getLocalPort() + path;
    }

    private Browser signedIn() {
        Browser browser = new Browser();
        browser.follow(url("/login"), url(""), forms -> {
            Browser.Form form = forms.get(0);
            form.fields().put("email", EMAIL);
            form.fields().put("password", PASSWORD);
            return form;
        });
        return browser;
    }

    @Test
    void form_posts_without_the_csrf_token_are_refused_with_403_pages_not_500s() {
        Browser browser = signedIn();
        for (String path : FORM_POSTS) {
            HttpResponse<String> response = browser.post(url(path), Map.of("id", "x", "title", "t"));

            assertThat(response.statusCode()).as(path).isIn(400, 403);
            assertPage(response, path);
        }
    }

    @Test
    void a_token_form_with_field_errors_is_a_400_page_listing_them() {
        Browser browser = signedIn();
        String csrf = Browser.forms(browser.get(url("/settings/integrations")).body()).stream()
                .filter(form -> form.action().endsWith("/settings/tokens"))
                .findFirst().orElseThrow().fields().get("csrf");

        HttpResponse<String> response = browser.post(url("/settings/tokens"),
                Map.of("csrf", csrf, "title", "", "expires", "nonsense"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertPage(response, "/settings/tokens");
        assertThat(response.body()).contains("aria-invalid");
    }

    @Test
    void framework_answers_on_page_paths_carry_the_page_security_headers() throws Exception {
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(URI.create(url("/settings/no-such-page"))).GET().build(),
                HttpRequest.newBuilder(URI.create(url("/login"))).PUT(HttpRequest.BodyPublishers.ofString("x"))
                        .header("Content-Type", "application/x-www-form-urlencoded").build(),
                HttpRequest.newBuilder(URI.create(url("/settings/tokens"))).GET().build(),
                HttpRequest.newBuilder(URI.create(url("/login"))).POST(HttpRequest.BodyPublishers.ofString("x"))
                        .header("Content-Type", "text/plain").build())) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(request.toString()).isBetween(400, 499);
            assertSecurityHeaders(response, request.toString());
        }
    }

    @Test
    void an_oversized_form_is_refused_with_413_at_every_form_post() throws Exception {
        for (String path : concat("/login", FORM_POSTS)) {
            UnsentBody.Answer answer = UnsentBody.post(APP.getLocalPort(), path,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), 2 * 1024 * 1024);

            assertThat(answer.status()).as(path).isEqualTo(413);
            assertThat(answer.header("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(answer.body()).as(path).doesNotContain("Exception", "at dev.faultline", "jakarta.");
            assertThat(answer.header("X-Frame-Options")).as(path).contains("DENY");
            assertThat(answer.header("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(answer.header("Cache-Control")).as(path).contains("no-store");
        }
    }

    @Test
    void a_form_at_the_limit_is_read_and_one_byte_more_is_refused() throws Exception {
        int limit = 64 * 1024;
        String atLimit = "email=x&password=y&pad=" + "p".repeat(limit - "email=x&password=y&pad=".length());

        assertThat(postForm("/login", atLimit).statusCode()).isIn(400, 403);
        assertThat(postForm("/login", atLimit + "p").statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> postForm(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private static void assertPage(HttpResponse<String> response, String what) {
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).as(what).doesNotContain("Exception", "at dev.faultline", "jakarta.");
        assertSecurityHeaders(response, what);
    }

    private static void assertSecurityHeaders(HttpResponse<String> response, String what) {
        assertThat(response.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).as(what).contains("no-store");
    }
}
