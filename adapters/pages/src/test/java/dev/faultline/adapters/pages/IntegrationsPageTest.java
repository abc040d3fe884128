package dev.faultline.adapters.pages;

import static dev.faultline.adapters.pages.PagesHarness.ISSUER;
import static dev.faultline.adapters.pages.PagesHarness.SESSION_COOKIE;
import static dev.faultline.adapters.pages.PagesHarness.hiddenField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.AuthenticatePersonalToken;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class IntegrationsPageTest {
    static final PagesHarness h = new PagesHarness();
    static final ResourceExtension resources = h.resources;
    static final String CALLBACK = "http://127.0.0.1:4711/callback";
    static final String NOTICE_COOKIE = "__Host-faultline_notice";
    static final String HOSTILE_NAME = "<script>alert(1)</script>Claude\u202Eexe.ppa";

    private final String email = h.user();
    private final UserId user = h.userId(email);
    private final String session = h.signIn(email);
    private final Client claude = h.client("Claude Code", CALLBACK);

    private Response page(String sessionCookie) {
        return h.get("/settings/integrations", sessionCookie);
    }

    private String html() {
        try (Response response = page(session)) {
            assertThat(response.getStatus()).isEqualTo(200);
            return response.readEntity(String.class);
        }
    }

    private String csrf() {
        return hiddenField(html(), "csrf");
    }

    private Response post(String path, Form form) {
        return h.request(path).cookie(SESSION_COOKIE, session).post(Entity.form(form));
    }

    private Response createToken(String title, List<String> scopes, String expiresIn) {
        Form form = new Form().param("csrf", csrf()).param("title", title).param("expires_in", expiresIn);
        scopes.forEach(scope -> form.param("scope", scope));
        return post("/settings/tokens", form);
    }

    private static Optional<String> notice(Response response) {
        assertThat(response.getStatus()).isEqualTo(303);
        return PagesHarness.cookie(response, NOTICE_COOKIE);
    }

    private static String newToken(String html) {
        Matcher m = Pattern.compile("<code id=\"new-token\" data-secret>([^<]+)</code>").matcher(html);
        assertThat(m.find()).as("the new token on the page").isTrue();
        return m.group(1);
    }

    private PersonalToken onlyToken() {
        List<PersonalToken> tokens = h.personalTokens.listForUser(user);
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    @Test
    void without_a_session_the_page_sends_the_browser_to_sign_in_and_back() {
        try (Response response = page(null); Response unknown = page("not-a-session")) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location"))
                    .isEqualTo(ISSUER + "/login?return_to=%2Fsettings%2Fintegrations");
            assertThat(unknown.getStatus()).isEqualTo(303);
        }
    }

    @Test
    void the_root_url_leads_to_my_integrations() {
        try (Response response = h.get("/", null)) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location")).isEqualTo(ISSUER + "/settings/integrations");
        }
    }

    @Test
    void an_empty_page_explains_how_to_connect_and_sends_every_security_header() {
        try (Response response = page(session)) {
            assertThat(response.getStatus()).isEqualTo(200);
            PagesHarness.assertPageSecurityHeaders(response);
            String html = response.readEntity(String.class);
            assertThat(html).contains("No app is connected").contains(ISSUER + "/mcp")
                    .contains("You have no personal tokens").contains("Nothing suspicious")
                    .contains("id=\"sign-out\"").doesNotContain("id=\"revoke-all\"");
        }
    }

    @Test
    void a_connected_app_is_one_row_per_client_with_host_scopes_and_approval_time() {
        h.connect(claude, CALLBACK, email, "mcp:read");
        h.clock.advance(Duration.ofMinutes(3));
        h.connect(claude, CALLBACK, email, "mcp:read mcp:write");

        String html = html();

        assertThat(html.split("data-client-id=\"" + claude.id().value() + "\"", -1)).hasSize(2);
        assertThat(html).contains("<bdi class=\"client-name\">Claude Code</bdi>").contains("Self-registered")
                .contains("127.0.0.1").contains("mcp:read mcp:write").contains("2 sessions")
                .contains("23 Nov 2026, 10:03 UTC").contains("Not yet").contains("id=\"revoke-all\"")
                .contains("ends on <time datetime=\"2027-02-21T10:03:00Z\">21 Feb 2027, 10:03 UTC</time>");
        assertThat(hiddenField(html, "client_id")).isEqualTo(claude.id().value());
    }

    @Test
    void a_hostile_client_name_is_shown_as_inert_text_with_its_direction_override_made_visible() {
        Client hostile = h.client(HOSTILE_NAME, CALLBACK);
        h.connect(hostile, CALLBACK, email, null);

        String html = html();

        assertThat(html).doesNotContain("<script>alert").doesNotContain("\u202E")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;Claude[U+202E]exe.ppa");
    }

    @Test
    void revoking_an_app_ends_all_its_tokens_at_once_and_says_so() {
        TokenOutcome.Tokens first = h.connect(claude, CALLBACK, email, null);
        TokenOutcome.Tokens second = h.connect(claude, CALLBACK, email, null);

        try (Response response = post("/settings/integrations/revoke",
                new Form().param("csrf", csrf()).param("client_id", claude.id().value()))) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeaderString("Location")).isEqualTo(ISSUER + "/settings/integrations");
            assertThat(notice(response)).contains("integration-revoked");
            assertThat(PagesHarness.setCookies(response)).contains(NOTICE_COOKIE
                    + "=integration-revoked; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
        }

        assertThat(h.chains.listActiveFor(user, h.clock.instant())).isEmpty();
        assertThat(h.refresh(claude, first.refreshToken())).isInstanceOf(TokenOutcome.Failed.class);
        assertThat(h.refresh(claude, second.refreshToken())).isInstanceOf(TokenOutcome.Failed.class);
        try (Response response = h.request("/settings/integrations").cookie(SESSION_COOKIE, session)
                .cookie(NOTICE_COOKIE, "integration-revoked").get()) {
            String html = response.readEntity(String.class);
            assertThat(html).contains("Access revoked.").contains("No app is connected");
            assertThat(PagesHarness.setCookies(response)).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(NOTICE_COOKIE + "=;").contains("Max-Age=0"));
        }
    }

    @Test
    void revoking_an_app_that_has_no_access_or_a_malformed_id_changes_nothing() {
        TokenOutcome.Tokens tokens = h.connect(claude, CALLBACK, email, null);
        Client other = h.client("Other", CALLBACK);

        for (String clientId : List.of(other.id().value(), "not a client id!", "")) {
            try (Response response = post("/settings/integrations/revoke",
                    new Form().param("csrf", csrf()).param("client_id", clientId))) {
                assertThat(notice(response)).contains("nothing-to-revoke");
            }
        }
        assertThat(h.refresh(claude, tokens.refreshToken())).isInstanceOf(TokenOutcome.Issued.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "wrong", "twice"})
    void every_change_without_the_sessions_csrf_token_is_refused_with_403_and_changes_nothing(String csrfCase) {
        TokenOutcome.Tokens tokens = h.connect(claude, CALLBACK, email, null);
        CreatePersonalToken.Created pat = h.createPersonalToken.create(
                CreatePersonalToken.Command.of(user, "laptop", "mcp:read", null));
        String good = csrf();
        List<Form> forms = List.of(
                new Form().param("client_id", claude.id().value()),
                new Form().param("token_id", pat.summary().id().toString()),
                new Form(),
                new Form().param("title", "sneaky").param("scope", "mcp:write").param("expires_in", "never"));
        List<String> paths = List.of("/settings/integrations/revoke", "/settings/tokens/revoke",
                "/settings/integrations/revoke-all", "/settings/tokens");
        for (int i = 0; i < forms.size(); i++) {
            Form form = forms.get(i);
            if (csrfCase.equals("wrong")) {
                form.param("csrf", good.substring(1) + "x");
            } else if (csrfCase.equals("twice")) {
                form.param("csrf", good).param("csrf", good);
            }
            try (Response response = post(paths.get(i), form)) {
                assertThat(response.getStatus()).as(paths.get(i)).isEqualTo(403);
                PagesHarness.assertPageSecurityHeaders(response);
                assertThat(response.readEntity(String.class)).contains("nothing was changed");
            }
        }

        assertThat(h.refresh(claude, tokens.refreshToken())).isInstanceOf(TokenOutcome.Issued.class);
        assertThat(h.authenticatePersonalToken.authenticate(pat.token()))
                .isInstanceOf(AuthenticatePersonalToken.Outcome.Authenticated.class);
        assertThat(h.personalTokens.listForUser(user)).hasSize(1);
    }

    @Test
    void a_signed_out_session_can_neither_see_the_page_nor_change_anything() {
        TokenOutcome.Tokens tokens = h.connect(claude, CALLBACK, email, null);
        String csrf = csrf();
        try (Response out = post("/logout", new Form().param("csrf", csrf))) {
            assertThat(out.getStatus()).isEqualTo(303);
        }

        try (Response view = page(session);
                Response revoke = post("/settings/integrations/revoke",
                        new Form().param("csrf", csrf).param("client_id", claude.id().value()));
                Response create = post("/settings/tokens", new Form().param("csrf", csrf).param("title", "t")
                        .param("scope", "mcp:read").param("expires_in", "never"))) {
            assertThat(view.getStatus()).isEqualTo(303);
            assertThat(revoke.getStatus()).isEqualTo(303);
            assertThat(revoke.getHeaderString("Location")).startsWith(ISSUER + "/login?return_to=");
            assertThat(create.getStatus()).isEqualTo(303);
        }
        assertThat(h.refresh(claude, tokens.refreshToken())).isInstanceOf(TokenOutcome.Issued.class);
        assertThat(h.personalTokens.listForUser(user)).isEmpty();
    }

    @Test
    void creating_a_personal_token_shows_it_once_with_both_ways_to_use_it() {
        String html;
        try (Response response = createToken("CI on build server", List.of("mcp:read", "mcp:write"), "30")) {
            assertThat(response.getStatus()).isEqualTo(200);
            PagesHarness.assertPageSecurityHeaders(response);
            html = response.readEntity(String.class);
        }

        String token = newToken(html);
        assertThat(PersonalTokenFormat.isWellFormed(token)).isTrue();
        assertThat(html).contains("Authorization: Bearer " + token).contains(ISSUER + "/mcp/" + token)
                .contains("id=\"copy-token\"").contains("only time");
        PersonalToken stored = onlyToken();
        assertThat(stored.title().value()).isEqualTo("CI on build server");
        assertThat(stored.scopes()).isEqualTo(Scopes.READ_WRITE);
        assertThat(stored.expiresAt()).contains(h.clock.instant().plus(Duration.ofDays(30)));
        assertThat(h.authenticatePersonalToken.authenticate(token))
                .isInstanceOf(AuthenticatePersonalToken.Outcome.Authenticated.class);
        assertThat(html()).doesNotContain(token).contains("CI on build server")
                .contains("data-token-id=\"" + stored.id() + "\"");
    }

    @Test
    void a_token_without_expiry_lists_never_and_read_only_is_the_preselected_permission() {
        String form = html();
        assertThat(form).contains("id=\"scope-read\" name=\"scope\" value=\"mcp:read\" checked")
                .contains("value=\"90\" selected").doesNotContain("value=\"mcp:write\" checked");

        try (Response response = createToken("forever", List.of("mcp:read"), "never")) {
            assertThat(response.getStatus()).isEqualTo(200);
        }

        assertThat(onlyToken().expiresAt()).isEmpty();
        assertThat(onlyToken().scopes()).isEqualTo(Scopes.READ_ONLY);
    }

    @Test
    void write_includes_read_so_a_token_can_always_see_what_it_may_change() {
        try (Response response = createToken("bot", List.of("mcp:write"), "7")) {
            assertThat(response.getStatus()).isEqualTo(200);
        }

        assertThat(onlyToken().scopes()).isEqualTo(Scopes.READ_WRITE);
        assertThat(html()).contains("Read, and change issues and notes");
    }

    @Test
    void a_bad_create_form_is_shown_again_with_one_message_per_field_and_nothing_is_created() {
        try (Response response = createToken("   ", List.of(), "forever-and-ever")) {
            assertThat(response.getStatus()).isEqualTo(400);
            String html = response.readEntity(String.class);
            assertThat(html).contains("The token was not created")
                    .contains("A token title is required.")
                    .contains("Choose at least one permission.")
                    .contains("Choose when the token expires from the list.")
                    .contains("aria-invalid=\"true\"");
        }
        try (Response unknownScope = createToken("ok", List.of("admin"), "7");
                Response tooLong = createToken("x".repeat(101), List.of("mcp:read"), "7")) {
            assertThat(unknownScope.getStatus()).isEqualTo(400);
            assertThat(unknownScope.readEntity(String.class)).contains("Unknown permission &quot;admin&quot;.");
            assertThat(tooLong.getStatus()).isEqualTo(400);
            assertThat(tooLong.readEntity(String.class)).contains("at most 100 characters")
                    .contains("value=\"" + "x".repeat(101) + "\"");
        }
        assertThat(h.personalTokens.listForUser(user)).isEmpty();
    }

    @Test
    void revoking_a_personal_token_stops_it_at_once_and_a_second_revoke_says_already() {
        CreatePersonalToken.Created pat = h.createPersonalToken.create(
                CreatePersonalToken.Command.of(user, "laptop", "mcp:read", null));
        Form form = new Form().param("csrf", csrf()).param("token_id", pat.summary().id().toString());

        try (Response first = post("/settings/tokens/revoke", form);
                Response second = post("/settings/tokens/revoke", form)) {
            assertThat(notice(first)).contains("token-revoked");
            assertThat(notice(second)).contains("token-already-revoked");
        }

        assertThat(h.authenticatePersonalToken.authenticate(pat.token()))
                .isEqualTo(new AuthenticatePersonalToken.Outcome.Refused(AuthenticatePersonalToken.Reason.REVOKED));
        String html = html();
        assertThat(html).contains("Revoked 23 Nov 2026").doesNotContain("name=\"token_id\"");
    }

    @Test
    void another_users_token_or_a_malformed_id_is_not_found_and_stays_active() {
        UserId someoneElse = h.userId(h.user());
        CreatePersonalToken.Created theirs = h.createPersonalToken.create(
                CreatePersonalToken.Command.of(someoneElse, "theirs", "mcp:read", null));

        for (String id : List.of(theirs.summary().id().toString(), "not-a-uuid")) {
            try (Response response = post("/settings/tokens/revoke",
                    new Form().param("csrf", csrf()).param("token_id", id))) {
                assertThat(notice(response)).contains("token-not-found");
            }
        }
        assertThat(h.authenticatePersonalToken.authenticate(theirs.token()))
                .isInstanceOf(AuthenticatePersonalToken.Outcome.Authenticated.class);
    }

    @Test
    void revoke_all_with_nothing_connected_says_so_in_numbers() {
        try (Response response = h.get("/settings/integrations/revoke-all", session)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(String.class)).contains("0 connected apps").contains("0 personal tokens");
        }
    }

    @Test
    void revoke_all_asks_first_saying_how_much_will_end() {
        h.connect(claude, CALLBACK, email, null);
        h.createPersonalToken.create(CreatePersonalToken.Command.of(user, "laptop", "mcp:read", null));

        try (Response response = h.get("/settings/integrations/revoke-all", session)) {
            assertThat(response.getStatus()).isEqualTo(200);
            PagesHarness.assertPageSecurityHeaders(response);
            String html = response.readEntity(String.class);
            assertThat(html).contains("1 connected app").contains("1 personal token")
                    .contains("name=\"sign_out_other_browsers\" value=\"yes\" checked");
            assertThat(hiddenField(html, "csrf")).isNotBlank();
        }
        assertThat(h.chains.listActiveFor(user, h.clock.instant())).hasSize(1);
    }

    @Test
    void revoke_all_cuts_off_every_app_and_every_personal_token_and_keeps_other_browsers_if_asked_to() {
        TokenOutcome.Tokens tokens = h.connect(claude, CALLBACK, email, null);
        CreatePersonalToken.Created pat = h.createPersonalToken.create(
                CreatePersonalToken.Command.of(user, "laptop", "mcp:read", null));
        String otherBrowser = h.signIn(email);

        try (Response response = post("/settings/integrations/revoke-all", new Form().param("csrf", csrf()))) {
            assertThat(notice(response)).contains("all-revoked");
        }

        assertThat(h.refresh(claude, tokens.refreshToken())).isInstanceOf(TokenOutcome.Failed.class);
        assertThat(h.authenticatePersonalToken.authenticate(pat.token()))
                .isInstanceOf(AuthenticatePersonalToken.Outcome.Refused.class);
        try (Response stillSignedIn = page(otherBrowser)) {
            assertThat(stillSignedIn.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void revoke_all_can_end_every_browser_session_even_a_copy_of_this_ones_cookie_and_gives_this_browser_a_new_one() {
        String otherBrowser = h.signIn(email);
        String copiedCookie = session;
        String fresh;

        try (Response response = post("/settings/integrations/revoke-all",
                new Form().param("csrf", csrf()).param("sign_out_other_browsers", "yes"))) {
            assertThat(notice(response)).contains("all-revoked-and-signed-out");
            fresh = PagesHarness.cookie(response, PagesHarness.SESSION_COOKIE).orElseThrow();
        }

        assertThat(fresh).isNotEqualTo(session);
        try (Response other = page(otherBrowser); Response copy = page(copiedCookie); Response here = page(fresh)) {
            assertThat(other.getStatus()).isEqualTo(303);
            assertThat(copy.getStatus()).as("the old cookie of this browser, wherever it was copied to").isEqualTo(303);
            assertThat(here.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void a_reused_refresh_token_shows_up_as_a_security_event_naming_the_app() {
        TokenOutcome.Tokens tokens = h.connect(claude, CALLBACK, email, null);
        assertThat(h.refresh(claude, tokens.refreshToken())).isInstanceOf(TokenOutcome.Issued.class);
        h.clock.advance(Duration.ofMinutes(5));
        assertThat(h.refresh(claude, tokens.refreshToken())).isInstanceOf(TokenOutcome.Failed.class);

        String html = html();

        Matcher events = Pattern.compile("<section id=\"security-events\".*?</section>", Pattern.DOTALL).matcher(html);
        assertThat(events.find()).isTrue();
        assertThat(events.group()).contains("Claude Code").contains("presented again")
                .contains("someone may have copied a token");
    }

    @Test
    void notices_are_fixed_texts_and_neither_a_link_nor_an_unknown_cookie_can_put_words_on_the_page() {
        try (Response link = h.get("/settings/integrations?done=all-revoked", session);
                Response cookie = h.request("/settings/integrations").cookie(SESSION_COOKIE, session)
                        .cookie(NOTICE_COOKIE, "pwned").get()) {
            assertThat(link.readEntity(String.class)).doesNotContain("role=\"status\"");
            assertThat(cookie.readEntity(String.class)).doesNotContain("pwned").doesNotContain("role=\"status\"");
        }
    }

    @Test
    void pages_link_the_script_and_stylesheet_by_a_digest_of_their_content() {
        assertThat(AssetsResource.VERSION).matches("[0-9a-f]{12}");
        assertThat(html()).contains("/assets/faultline.js?v=" + AssetsResource.VERSION)
                .contains("/assets/faultline.css?v=" + AssetsResource.VERSION);
    }

    @Test
    void the_copy_button_script_is_served_from_this_server() {
        try (Response response = h.get("/assets/faultline.js", null)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderString("Content-Type")).startsWith("text/javascript");
            assertThat(response.readEntity(String.class)).contains("data-copy");
        }
    }

}
