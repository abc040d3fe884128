package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.StackFrame;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows that today's rules would refuse (written by an older version, or by hand) still list and show, over real
 * HTTP: reading is tolerant, writing is strict. Control characters are written into every text column a
 * listing or an issue page reads, with SQL; the MCP tools return them as data and the pages render them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StoredTextToleranceTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String EMAIL = "tolerant@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final String TITLE = "Crash\u0007 in checkout\u001b[31m";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String token;
    private static String issueId;
    private static String base;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void anIssueWhoseStoredTextBreaksTodaysRules() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        base = APP.getConfiguration().getPublicBaseUrl();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Tol", PASSWORD))).userId();
        ApplicationId application = ((CreateApplication.Outcome.Created) faultline.tracker().createApplication()
                .createApplication(new CreateApplication.Command(Actor.person(user), "Shop", new ApplicationSlug("shop"),
                        new Platform("java")))).application().id();
        CrashReport report = new CrashReport(Optional.empty(), Optional.of("Cart failed"), "Cart.total",
                "IllegalStateException", Level.ERROR, "empty cart", Instant.now(),
                List.of(new StackFrame("Cart.java", "Cart.total", 12, true)), Optional.of("prod"),
                Optional.of("1.0"), new TreeMap<>(Map.of("os", "android")),
                Optional.of(new AffectedUser(Optional.of("u-1"), Optional.empty(), Optional.empty())));
        RecordEvent.Outcome.Recorded recorded = (RecordEvent.Outcome.Recorded) faultline.tracker().recordEvent()
                .recordEvent(new RecordEvent.Command(Actor.person(user), application, report));
        issueId = recorded.issue().id().toString();
        faultline.tracker().addNote().addNote(new AddNote.Command(Actor.person(user), recorded.issue().id(), "looking"));
        token = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "read", "mcp:read", null)).token();
        faultline.database().jdbi().useHandle(handle -> {
            String bad = "chr(7) || ' x ' || chr(27)";
            handle.createUpdate("UPDATE applications SET name = 'Shop' || chr(7)").execute();
            handle.createUpdate("UPDATE issues SET title = :title, culprit = 'Cart.total' || " + bad
                    + ", exception_type = 'IllegalState' || " + bad).bind("title", TITLE).execute();
            handle.createUpdate("UPDATE events SET exception_type = 'IllegalState' || " + bad
                    + ", release = '1.0' || chr(1), user_ref = 'u' || chr(2)").execute();
            handle.createUpdate("UPDATE event_frames SET function_name = 'Cart.total' || chr(7)").execute();
            handle.createUpdate("UPDATE event_tags SET value = 'android' || chr(11)").execute();
            handle.createUpdate("UPDATE notes SET body = 'looking' || chr(7)").execute();
        });
    }

    @Test
    void list_issues_lists_it_and_carries_the_title_as_data() throws Exception {
        JsonNode result = call("list_issues", "{}");

        assertThat(result.path("isError").asBoolean(true)).as(result.toString()).isFalse();
        assertThat(result.path("structuredContent").path("issues").get(0).path("title").asText()).isEqualTo(TITLE);
    }

    @Test
    void get_issue_list_events_get_event_and_list_applications_answer() throws Exception {
        JsonNode issue = call("get_issue", "{\"issue_id\":\"" + issueId + "\"}");
        JsonNode events = call("list_events", "{\"issue_id\":\"" + issueId + "\"}");
        String eventId = events.path("structuredContent").path("events").get(0).path("id").asText();
        JsonNode event = call("get_event", "{\"event_id\":\"" + eventId + "\"}");
        JsonNode applications = call("list_applications", "{}");

        for (JsonNode result : List.of(issue, events, event, applications)) {
            assertThat(result.path("isError").asBoolean(true)).as(result.toString()).isFalse();
        }
        assertThat(issue.path("structuredContent").toString()).contains("looking\\u0007");
    }

    @Test
    void the_issues_page_and_the_issue_page_answer_200() throws Exception {
        Browser browser = signedIn();

        HttpResponse<String> list = browser.get(base + "/issues");
        HttpResponse<String> one = browser.get(base + "/issues/" + issueId);

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("Crash").contains("in checkout");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(one.body()).contains("in checkout").contains("looking");
    }

    @Test
    void the_pages_show_stored_control_characters_as_markers_in_the_title_and_the_body() throws Exception {
        Browser browser = signedIn();

        HttpResponse<String> list = browser.get(base + "/issues");
        HttpResponse<String> one = browser.get(base + "/issues/" + issueId);

        assertThat(one.body()).contains("<title>Issue: Crash[U+0007] in checkout[U+001B][31m · Faultline</title>")
                .contains("looking[U+0007]");
        assertThat(list.body()).contains("Crash[U+0007] in checkout[U+001B][31m");
        for (HttpResponse<String> page : List.of(list, one)) {
            assertThat(page.body().chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                    && c != '\t').mapToObj(c -> String.format("U+%04X", c)).toList())
                    .as("raw control characters on " + page.uri()).isEmpty();
        }
    }

    private Browser signedIn() {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(base + "/login");
        Browser.Form form = Browser.forms(login.body()).stream()
                .filter(f -> f.html().contains("type=\"password\"")).findFirst().orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("email", EMAIL);
        fields.put("password", PASSWORD);
        HttpResponse<String> signedIn = browser.post(URI.create(base).resolve(form.action()).toString(), fields);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
        return browser;
    }

    private JsonNode call(String tool, String arguments) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("result");
    }
}
