package dev.faultline.adapters.pages;

import static dev.faultline.adapters.pages.PagesHarness.CHALLENGE;
import static dev.faultline.adapters.pages.PagesHarness.ISSUER;
import static dev.faultline.adapters.pages.PagesHarness.SESSION_COOKIE;
import static dev.faultline.adapters.pages.PagesHarness.authorizeQuery;
import static dev.faultline.adapters.pages.PagesHarness.hiddenField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AuthorizePageTest {
    static final PagesHarness h = new PagesHarness();
    static final ResourceExtension resources = h.resources;
    static final String CALLBACK = "https://agent.example/oauth/callback";

    private final Client client = h.client("Agent Smith", CALLBACK, "http://127.0.0.1/cb");
    private final String session = h.signIn(h.user());

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private String consentPage(String pathAndQuery) {
        try (Response response = h.get(pathAndQuery, session)) {
            assertThat(response.getStatus()).isEqualTo(200);
            return response.readEntity(String.class);
        }
    }

    /** Posts the consent form as the page rendered it (ticked boxes as rendered), with the given decision. */
    private Response decide(String html, String decision) {
        List<String> ticked = new ArrayList<>();
        Matcher box = Pattern.compile("<input type=\"checkbox\" id=\"[^\"]*\" name=\"grant:([^\"]*)\" value=\"yes\" checked>")
                .matcher(html);
        while (box.find()) {
            ticked.add(box.group(1));
        }
        return decide(html, decision, ticked);
    }

    /** Posts the consent form with exactly the boxes for {@code ticked} ticked, as a person would. */
    private Response decide(String html, String decision, List<String> ticked) {
        Form form = new Form();
        ticked.forEach(scope -> form.param("grant:" + scope, "yes"));
        Matcher fields = Pattern.compile("<form method=\"post\" action=\"/mcp/oauth/authorize\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(html);
        assertThat(fields.find()).isTrue();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
                .matcher(fields.group(1));
        while (hidden.find()) {
            form.param(hidden.group(1), PagesHarness.unescape(hidden.group(2)));
        }
        form.param("decision", decision);
        return h.request("/mcp/oauth/authorize").cookie(SESSION_COOKIE, session).post(Entity.form(form));
    }

    @Test
    void invalid_client_id_at_authorize_shows_a_local_400_error_page_and_never_redirects() {
        try (Response response = h.get("/mcp/oauth/authorize?response_type=code&client_id=nobody&redirect_uri="
                + RedirectUris.encode(CALLBACK) + "&state=s&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256", session)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getHeaderString("Location")).isNull();
            assertThat(response.readEntity(String.class)).contains("is not a registered client")
                    .contains("<h1>This sign-in link can&#39;t be used</h1>");
        }
    }

    @Test
    void invalid_redirect_uri_at_authorize_shows_a_local_400_error_page_and_never_redirects() {
        try (Response response = h.get(authorizeQuery(client, "https://evil.example/cb"), session)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getHeaderString("Location")).isNull();
            assertThat(response.readEntity(String.class)).contains("evil.example").contains("not registered");
        }
    }

    @Test
    void pkce_code_challenge_required_missing_challenge_redirects_with_error_state_and_iss() {
        String request = "/mcp/oauth/authorize?response_type=code&client_id=" + client.id().value()
                + "&redirect_uri=" + RedirectUris.encode(CALLBACK) + "&state=abc";
        try (Response response = h.get(request, null)) {
            assertThat(response.getStatus()).isEqualTo(302);
            String location = response.getHeaderString("Location");
            assertThat(location).startsWith(CALLBACK + "?");
            assertThat(query(location)).containsEntry("error", "invalid_request").containsEntry("state", "abc")
                    .containsEntry("iss", ISSUER).containsKey("error_description");
        }
    }

    @Test
    void pkce_only_s256_plain_is_refused_with_a_redirect_carrying_error_state_and_iss() {
        String request = authorizeQuery(client, CALLBACK).replace("code_challenge_method=S256", "code_challenge_method=plain");
        try (Response response = h.get(request, session)) {
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(query(response.getHeaderString("Location"))).containsEntry("error", "invalid_request")
                    .containsEntry("state", "st ate").containsEntry("iss", ISSUER);
        }
    }

    @Test
    void resource_other_than_the_mcp_resource_redirects_with_invalid_target() {
        String request = authorizeQuery(client, CALLBACK) + "&resource=" + RedirectUris.encode("https://other.example/mcp");
        try (Response response = h.get(request, session)) {
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(query(response.getHeaderString("Location"))).containsEntry("error", "invalid_target")
                    .containsEntry("state", "st ate").containsEntry("iss", ISSUER);
        }
    }

    @Test
    void a_repeated_parameter_is_invalid_request_and_a_repeated_client_id_is_a_local_error_page() {
        try (Response repeatedScope = h.get(authorizeQuery(client, CALLBACK) + "&scope=mcp%3Aread", session);
                Response repeatedClient = h.get(authorizeQuery(client, CALLBACK) + "&client_id=other", session)) {
            assertThat(repeatedScope.getStatus()).isEqualTo(302);
            assertThat(query(repeatedScope.getHeaderString("Location"))).containsEntry("error", "invalid_request")
                    .containsEntry("state", "st ate").containsEntry("iss", ISSUER);
            assertThat(repeatedClient.getStatus()).isEqualTo(400);
            assertThat(repeatedClient.getHeaderString("Location")).isNull();
        }
    }

    @Test
    void without_a_session_the_browser_is_sent_to_sign_in_and_back() {
        String request = authorizeQuery(client, CALLBACK);
        try (Response response = h.get(request, null)) {
            assertThat(response.getStatus()).isEqualTo(303);
            String location = response.getHeaderString("Location");
            assertThat(location).startsWith(ISSUER + "/login?return_to=");
            String returnTo = query(location).get("return_to");
            assertThat(returnTo).startsWith("/mcp/oauth/authorize?");
            assertThat(query("http://x" + returnTo)).isEqualTo(query("http://x" + request));
        }
    }

    @Test
    void consent_page_shows_the_self_registered_name_redirect_host_scopes_in_plain_words_and_a_csrf_field() {
        String html = consentPage(authorizeQuery(client, CALLBACK));

        assertThat(html).contains("Agent Smith").contains("Self-registered app").contains("agent.example")
                .contains("Read your applications, issues, events and notes")
                .contains("Resolve, reopen, mute and assign issues")
                .contains("Ada Lovelace").contains(">Sign out</button>")
                .contains("value=\"approve\"").contains("value=\"deny\"");
        assertThat(hiddenField(html, "csrf")).isNotBlank();
        assertThat(hiddenField(html, "client_id")).isEqualTo(client.id().value());
        assertThat(hiddenField(html, "redirect_uri")).isEqualTo(CALLBACK);
        assertThat(hiddenField(html, "state")).isEqualTo("st ate");
    }

    @Test
    void an_app_redirect_uri_is_shown_as_the_app_never_as_a_web_host_and_approving_sends_the_code_to_it() {
        String cursor = "cursor://anysphere.cursor-mcp/oauth/callback";
        Client app = h.client("Cursor", cursor, "http://localhost:8787/callback");
        try (Response response = h.get(authorizeQuery(app, cursor), session)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderString("Content-Security-Policy")).contains("form-action 'self' cursor:;");
            String html = response.readEntity(String.class);
            assertThat(html).contains("sent back to <strong><bdi class=\"host\">the app cursor://anysphere.cursor-mcp</bdi>");
            try (Response approved = decide(html, "approve")) {
                assertThat(approved.getStatus()).isEqualTo(303);
                assertThat(approved.getHeaderString("Location")).startsWith(cursor + "?code=");
            }
        }
    }

    @Test
    void each_requested_scope_is_a_labelled_checkbox_in_a_fieldset_and_write_starts_unticked_beside_read() {
        String html = consentPage(authorizeQuery(client, CALLBACK));

        assertThat(html).contains("<fieldset class=\"scopes\">").contains("<legend>It will be able to</legend>")
                .contains("<input type=\"checkbox\" id=\"grant-read\" name=\"grant:mcp:read\" value=\"yes\" checked>"
                        + " <label for=\"grant-read\">Read your applications, issues, events and notes"
                        + " <code>mcp:read</code></label>")
                .contains("<input type=\"checkbox\" id=\"grant-write\" name=\"grant:mcp:write\" value=\"yes\">"
                        + " <label for=\"grant-write\">Resolve, reopen");
    }

    @Test
    void a_read_only_request_also_offers_changes_unticked() {
        String html = consentPage(authorizeQuery(client, CALLBACK).replace("mcp%3Aread%20mcp%3Awrite", "mcp%3Aread"));

        assertThat(html).contains("id=\"grant-read\" name=\"grant:mcp:read\" value=\"yes\" checked>")
                .contains("<input type=\"checkbox\" id=\"grant-write\" name=\"grant:mcp:write\" value=\"yes\">"
                        + " <label for=\"grant-write\">Also allow changes: Resolve, reopen");
    }

    @Test
    void approving_as_rendered_grants_read_only_and_ticking_write_grants_both() {
        String html = consentPage(authorizeQuery(client, CALLBACK));

        try (Response asRendered = decide(html, "approve");
                Response both = decide(html, "approve", List.of("mcp:read", "mcp:write"))) {
            assertThat(h.codes.findByHash(TokenHash.of(query(asRendered.getHeaderString("Location")).get("code")))
                    .orElseThrow().scopes()).isEqualTo(Scopes.READ_ONLY);
            assertThat(h.codes.findByHash(TokenHash.of(query(both.getHeaderString("Location")).get("code")))
                    .orElseThrow().scopes()).isEqualTo(Scopes.READ_WRITE);
        }
    }

    @Test
    void approving_with_no_box_ticked_is_a_400_form_error_and_issues_nothing() {
        String html = consentPage(authorizeQuery(client, CALLBACK));

        try (Response response = decide(html, "approve", List.of())) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getHeaderString("Location")).isNull();
            assertThat(response.readEntity(String.class)).contains("<h1>Choose what to allow</h1>")
                    .contains("Nothing was ticked");
        }
        assertThat(h.clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).isEmpty();
    }

    @Test
    void a_box_smuggled_in_for_a_scope_not_offered_is_refused_by_name_and_issues_nothing() {
        String html = consentPage(authorizeQuery(client, CALLBACK).replace("mcp%3Aread%20mcp%3Awrite", "mcp%3Awrite"));
        assertThat(html).doesNotContain("grant:mcp:read");

        try (Response response = decide(html, "approve", List.of("mcp:read", "mcp:write"))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class))
                    .contains("asked to allow &quot;mcp:read&quot;, which this request did not offer");
        }
        assertThat(h.clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).isEmpty();
    }

    @Test
    void consent_page_is_not_frameable_not_cached_and_lets_the_form_redirect_only_to_the_client() {
        try (Response response = h.get(authorizeQuery(client, CALLBACK), session)) {
            PagesHarness.assertPageSecurityHeaders(response);
            assertThat(response.getHeaderString("Content-Security-Policy"))
                    .contains("form-action 'self' https://agent.example;");
        }
    }

    @Test
    void the_client_name_is_html_escaped() {
        Client evil = h.client("<script>alert('x')</script>", CALLBACK);

        String html = consentPage(authorizeQuery(evil, CALLBACK));

        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void a_direction_override_in_the_client_name_is_made_visible_and_isolated() {
        Client spoof = h.client("Claude\u202Egnp.exe", CALLBACK);

        String html = consentPage(authorizeQuery(spoof, CALLBACK));

        assertThat(html).doesNotContain("\u202E").contains("<bdi class=\"client-name\">Claude[U+202E]gnp.exe</bdi>");
    }

    @Test
    void a_signed_out_session_must_sign_in_again_before_consent() {
        String csrf = hiddenField(consentPage(authorizeQuery(client, CALLBACK)), "csrf");
        try (Response out = h.request("/logout").cookie(SESSION_COOKIE, session)
                .post(Entity.form(new Form().param("csrf", csrf)))) {
            assertThat(out.getStatus()).isEqualTo(303);
        }

        try (Response response = h.get(authorizeQuery(client, CALLBACK), session)) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location")).startsWith(ISSUER + "/login?return_to=");
        }
    }

    @Test
    void approve_redirects_303_with_a_code_state_and_iss() {
        String html = consentPage(authorizeQuery(client, CALLBACK));

        try (Response response = decide(html, "approve")) {
            assertThat(response.getStatus()).isEqualTo(303);
            String location = response.getHeaderString("Location");
            assertThat(location).startsWith(CALLBACK + "?code=");
            Map<String, String> parameters = query(location);
            assertThat(parameters).containsEntry("state", "st ate").containsEntry("iss", ISSUER)
                    .doesNotContainKey("error");
            assertThat(h.codes.findByHash(TokenHash.of(parameters.get("code")))).isPresent();
        }
    }

    @Test
    void the_redirect_keeps_the_registered_query_and_encodes_the_parameters() {
        String withQuery = "https://agent.example/cb?tenant=a%20b";
        Client tenant = h.client("Tenant app", withQuery);
        String html = consentPage(authorizeQuery(tenant, withQuery).replace("state=st%20ate", "state=a%26b%3Dc"));

        try (Response response = decide(html, "deny")) {
            String location = response.getHeaderString("Location");
            assertThat(location).startsWith(withQuery + "&error=access_denied&");
            assertThat(query(location)).containsEntry("tenant", "a b").containsEntry("state", "a&b=c");
        }
    }

    @Test
    void deny_redirects_with_access_denied_state_and_iss() {
        String html = consentPage(authorizeQuery(client, CALLBACK));

        try (Response response = decide(html, "deny")) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(query(response.getHeaderString("Location"))).containsEntry("error", "access_denied")
                    .containsEntry("state", "st ate").containsEntry("iss", ISSUER).doesNotContainKey("code");
        }
    }

    @Test
    void consent_post_without_the_csrf_token_is_refused_403_and_issues_no_code() {
        String html = consentPage(authorizeQuery(client, CALLBACK));
        String forged = html.replace(hiddenField(html, "csrf"), "forged");

        try (Response wrong = decide(forged, "approve");
                Response missing = decide(html.replaceAll("<input type=\"hidden\" name=\"csrf\"[^>]*>", ""), "approve")) {
            assertThat(wrong.getStatus()).isEqualTo(403);
            assertThat(wrong.getHeaderString("Location")).isNull();
            assertThat(missing.getStatus()).isEqualTo(403);
            assertThat(wrong.readEntity(String.class)).contains("nothing was changed");
        }
        assertThat(h.clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).isEmpty();
    }

    @Test
    void hidden_fields_are_validated_again_a_changed_redirect_uri_gets_the_error_page() {
        String html = consentPage(authorizeQuery(client, CALLBACK));
        String tampered = html.replace("value=\"" + CALLBACK.replace("=", "&#61;") + "\"",
                "value=\"https://evil.example/cb\"");
        assertThat(tampered).isNotEqualTo(html);

        try (Response response = decide(tampered, "approve")) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getHeaderString("Location")).isNull();
        }
        assertThat(h.clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).isEmpty();
    }

    @Test
    void a_decision_posted_without_a_session_goes_to_sign_in_and_issues_no_code() {
        String html = consentPage(authorizeQuery(client, CALLBACK));
        Form form = new Form().param("client_id", client.id().value()).param("decision", "approve")
                .param("csrf", hiddenField(html, "csrf"));

        try (Response response = h.request("/mcp/oauth/authorize").post(Entity.form(form))) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location")).startsWith(ISSUER + "/login?return_to=");
        }
        assertThat(h.clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).isEmpty();
    }

    @Test
    void a_session_idle_for_longer_than_its_time_out_must_sign_in_again() {
        h.clock.advance(java.time.Duration.ofHours(13));
        Client later = h.client("Later app", CALLBACK);

        try (Response response = h.get(authorizeQuery(later, CALLBACK), session)) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location")).startsWith(ISSUER + "/login?return_to=");
        }
    }
}
