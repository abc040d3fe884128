package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import dev.faultline.domain.tracker.StackFrame;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stored access and account text that today's rules refuse (an older version wrote it, or someone did by hand)
 * still lists and shows, over real HTTP: reading is tolerant, writing is strict. With SQL, after everything was
 * set up through the front door: a member's display name gets ESC, BEL and a RIGHT-TO-LEFT OVERRIDE; the signed-in
 * owner's display name becomes 200 emoji (200 characters for PostgreSQL, 400 UTF-16 units, over today's limit)
 * and their e-mail address gets a BEL; a personal-token title and both OAuth clients' names get control and bidi
 * characters. The pages answer 200 and show every such character as a visible marker, never raw; MCP answers
 * carry the text as data. New text with the same characters is still refused.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StoredAccountTextToleranceTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String OWNER_EMAIL = "tolerant-owner@example.com";
    private static final String MEMBER_EMAIL = "tolerant-member@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final String MEMBER_NAME = "Bea\u001b[31m\u0007 \u202Eevil";
    private static final String OWNER_NAME = "\uD83D\uDE00".repeat(200);
    private static final String TOKEN_TITLE = "lap\u001btop \u202Egnp.exe";
    private static final String CLIENT_NAME = "Claude\u0007 \u202Eppa.live";

    private static String base;
    private static String readToken;
    private static String writeToken;
    private static String issueId;
    private static UserId memberId;
    private static OAuthClient unapproved;
    private static Browser browser;
    private static Faultline faultline;

    @BeforeAll
    static void accountsTokensAndClientsWhoseStoredTextBreaksTodaysRules() {
        faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        base = APP.getConfiguration().getPublicBaseUrl();
        UserId owner = created(CreateUser.Command.of(OWNER_EMAIL, "Owner", PASSWORD));
        UserId member = created(CreateUser.Command.of(MEMBER_EMAIL, "Bea", PASSWORD));
        memberId = member;
        ApplicationId application = ((CreateApplication.Outcome.Created) faultline.tracker().createApplication()
                .createApplication(new CreateApplication.Command(Actor.person(owner), "Shop", new ApplicationSlug("shop"),
                        new Platform("java")))).application().id();
        faultline.tracker().addMember().addMember(new AddMember.Command(Actor.person(owner), application,
                EmailAddress.of(MEMBER_EMAIL), Role.MEMBER));
        CrashReport report = new CrashReport(Optional.empty(), Optional.of("Cart failed"), "Cart.total",
                "IllegalStateException", Level.ERROR, "empty cart", Instant.now(),
                List.of(new StackFrame("Cart.java", "Cart.total", 12, true)), Optional.of("prod"),
                Optional.of("1.0"), new TreeMap<>(), Optional.empty());
        IssueId issue = ((RecordEvent.Outcome.Recorded) faultline.tracker().recordEvent()
                .recordEvent(new RecordEvent.Command(Actor.person(owner), application, report))).issue().id();
        issueId = issue.toString();
        faultline.tracker().assignIssue().assignIssue(AssignIssue.Command.toUser(Actor.person(owner), issue, Optional.of(member)));
        faultline.tracker().addNote().addNote(new AddNote.Command(Actor.person(member), issue, "on it"));
        readToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(owner, "read", "mcp:read", null)).token();
        writeToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(owner, "laptop", "mcp:read mcp:write", null)).token();

        OAuthClient approved = OAuthClient.registerPublic(base);
        unapproved = OAuthClient.registerPublic(base);
        browser = new Browser();
        OAuthClient.tokens(approved.exchange(approved.authorize(browser, OWNER_EMAIL, PASSWORD, "mcp:read")));

        faultline.database().jdbi().useHandle(handle -> {
            handle.createUpdate("UPDATE users SET display_name = :name WHERE email = :email")
                    .bind("name", MEMBER_NAME).bind("email", MEMBER_EMAIL).execute();
            handle.createUpdate("UPDATE users SET display_name = :name, email = 'tolerant' || chr(7) || "
                    + "'-owner@example.com' WHERE email = :email").bind("name", OWNER_NAME)
                    .bind("email", OWNER_EMAIL).execute();
            handle.createUpdate("UPDATE personal_tokens SET title = :title WHERE title = 'laptop'")
                    .bind("title", TOKEN_TITLE).execute();
            handle.createUpdate("UPDATE oauth_clients SET name = :name").bind("name", CLIENT_NAME).execute();
        });
    }

    private static UserId created(CreateUser.Command command) {
        return ((CreateUser.Outcome.Created) faultline.account().createUser().createUser(command)).userId();
    }

    @Test
    void my_integrations_lists_the_client_and_the_token_with_their_characters_made_visible() {
        HttpResponse<String> page = browser.get(base + "/settings/integrations");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Claude[U+0007] [U+202E]ppa.live")
                .contains("lap[U+001B]top [U+202E]gnp.exe")
                .contains("\uD83D\uDE00".repeat(200))
                .contains("tolerant[U+0007]-owner@example.com");
        assertShowsNothingRaw(page.body());
    }

    @Test
    void the_consent_page_shows_the_stored_client_name_made_visible() {
        String authorize = base + "/mcp/oauth/authorize?" + Map.of(
                "response_type", "code", "client_id", unapproved.clientId(), "redirect_uri", OAuthClient.REDIRECT,
                "scope", "mcp:read", "state", "s1",
                "code_challenge", PkceChallenge.derivedFrom(OAuthClient.VERIFIER).value(),
                "code_challenge_method", "S256", "resource", base + "/mcp").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        HttpResponse<String> consent = browser.get(authorize);

        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains("Claude[U+0007] [U+202E]ppa.live");
        assertShowsNothingRaw(consent.body());
    }

    @Test
    void the_issue_pages_show_the_assignee_and_note_author_made_visible() {
        HttpResponse<String> list = browser.get(base + "/issues");
        HttpResponse<String> one = browser.get(base + "/issues/" + issueId);

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertShowsNothingRaw(list.body());
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(one.body()).contains("Bea[U+001B][31m[U+0007] [U+202E]evil");
        assertShowsNothingRaw(one.body());
    }

    @Test
    void mcp_tools_that_read_users_answer_and_carry_ids_not_broken_text() throws Exception {
        JsonNode issue = call(readToken, "get_issue", "{\"issue_id\":\"" + issueId + "\"}");
        JsonNode reassigned = call(writeToken, "assign_issue",
                "{\"issue_id\":\"" + issueId + "\",\"assignee\":null}");
        JsonNode assigned = call(writeToken, "assign_issue",
                "{\"issue_id\":\"" + issueId + "\",\"assignee\":\"" + MEMBER_EMAIL + "\"}");

        for (JsonNode result : List.of(issue, reassigned, assigned)) {
            assertThat(result.path("isError").asBoolean(true)).as(result.toString()).isFalse();
        }
        assertThat(assigned.path("structuredContent").toString()).contains("\"assignee_id\":\"" + memberId + "\"");
    }

    @Test
    void new_text_with_the_same_characters_is_still_refused() {
        assertThatThrownBy(() -> CreateUser.Command.of("new@example.com", MEMBER_NAME, PASSWORD))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> CreateUser.Command.of("new@example.com", OWNER_NAME, PASSWORD))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> CreateUser.Command.of("n\u0007ew@example.com", "New", PASSWORD))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> CreatePersonalToken.Command.of(UserId.random(), TOKEN_TITLE, "mcp:read", null))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("control characters");

        HttpResponse<String> registration = post("/mcp/oauth/register", """
                {"client_name":"Claude\\u0007","redirect_uris":["%s"],"token_endpoint_auth_method":"none"}"""
                .formatted(OAuthClient.REDIRECT));
        assertThat(registration.statusCode()).as(registration.body()).isEqualTo(400);
        assertThat(registration.body()).contains("invalid_client_metadata");
    }

    private static void assertShowsNothingRaw(String html) {
        assertThat(html.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                .mapToObj(c -> String.format("U+%04X", c)).toList()).as("raw control characters").isEmpty();
        assertThat(html).doesNotContain("\u202E");
    }

    private static HttpResponse<String> post(String path, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode call(String bearer, String tool, String arguments) {
        HttpResponse<String> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/mcp"))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("MCP-Protocol-Version", "2025-11-25")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,"
                                + "\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":"
                                + arguments + "}}")).build(),
                HttpResponse.BodyHandlers.ofString()).join();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return OAuthClient.json(response.body()).path("result");
    }
}
