package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MCP endpoint's limits at their edges, over real HTTP on a server configured with small ones: a batch of
 * {@code mcp.maxBatchLength} messages runs, one more is refused with nothing carried out; a response of exactly
 * {@code mcp.maxResponseSize} bytes is sent, one byte more is replaced by error -32001.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class McpLimitsTest {
    private static final int MAX_BATCH = 3;
    private static final int MAX_RESPONSE = 8192;
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            ConfigOverride.config("mcp.maxBatchLength", String.valueOf(MAX_BATCH)),
            ConfigOverride.config("mcp.maxResponseSize", MAX_RESPONSE + "B"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private static String readToken;
    private static String writeToken;
    private static String issueId;
    private static String base;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void aUserWithAnIssueAndTokens() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        base = APP.getConfiguration().getPublicBaseUrl();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of("limits@example.com", "Lim", "correct horse battery"))).userId();
        ApplicationId application = ((CreateApplication.Outcome.Created) faultline.tracker().createApplication()
                .createApplication(new CreateApplication.Command(Actor.person(user), "Shop", new ApplicationSlug("shop"),
                        new Platform("java")))).application().id();
        RecordEvent.Outcome.Recorded recorded = (RecordEvent.Outcome.Recorded) faultline.tracker().recordEvent()
                .recordEvent(new RecordEvent.Command(Actor.person(user), application, CrashReport.of("Cart.total",
                        "IllegalStateException", Level.ERROR, "empty cart", Instant.now(), List.of())));
        issueId = recorded.issue().id().toString();
        readToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "read", "mcp:read", null)).token();
        writeToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "write", "mcp:read mcp:write", null)).token();
    }

    @Test
    void a_batch_of_max_batch_length_runs_every_call() throws Exception {
        long before = notes();

        HttpResponse<String> response = post(writeToken, batch(Collections.nCopies(MAX_BATCH, addNote())));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answers = JSON.readTree(response.body());
        assertThat(answers).hasSize(MAX_BATCH);
        answers.forEach(answer -> assertThat(answer.path("result").path("isError").asBoolean(true)).isFalse());
        assertThat(notes()).isEqualTo(before + MAX_BATCH);
    }

    @Test
    void one_message_more_is_refused_whole_and_nothing_in_it_runs() throws Exception {
        long before = notes();

        HttpResponse<String> response = post(writeToken, batch(Collections.nCopies(MAX_BATCH + 1, addNote())));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32600);
        assertThat(error.path("message").asText()).contains("at most " + MAX_BATCH + " messages")
                .contains("has " + (MAX_BATCH + 1)).contains("nothing in it was carried out");
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void a_batch_with_a_call_the_token_may_not_make_is_refused_before_any_call_runs() throws Exception {
        HttpResponse<String> response = post(readToken, batch(List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", addNote())));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
    }

    @Test
    void a_response_of_exactly_the_limit_is_sent_and_one_byte_more_is_refused() throws Exception {
        int overhead = "{\"jsonrpc\":\"2.0\",\"id\":\"\",\"result\":{}}".getBytes(StandardCharsets.UTF_8).length;
        String atLimit = "x".repeat(MAX_RESPONSE - overhead);

        HttpResponse<byte[]> exactly = postBytes(readToken, ping(atLimit));
        HttpResponse<byte[]> oneMore = postBytes(readToken, ping(atLimit + "x"));

        assertThat(exactly.statusCode()).isEqualTo(200);
        assertThat(exactly.body()).hasSize(MAX_RESPONSE);
        assertThat(JSON.readTree(exactly.body()).path("result").isObject()).isTrue();
        assertThat(oneMore.statusCode()).isEqualTo(200);
        JsonNode refused = JSON.readTree(oneMore.body());
        assertThat(refused.path("result").isMissingNode()).isTrue();
        assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32001);
        assertThat(refused.path("error").path("message").asText())
                .contains((MAX_RESPONSE + 1) + " bytes").contains("limit of " + MAX_RESPONSE + " bytes");
    }

    @Test
    void in_a_batch_the_answer_that_overflows_and_every_later_message_are_not_carried_out() throws Exception {
        long before = notes();
        String big = "{\"jsonrpc\":\"2.0\",\"id\":\"" + "y".repeat(MAX_RESPONSE) + "\",\"method\":\"ping\"}";

        HttpResponse<String> response = post(writeToken, batch(List.of(addNote(), big, addNote())));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answers = JSON.readTree(response.body());
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).path("result").path("isError").asBoolean(true)).isFalse();
        assertThat(answers.get(1).path("error").path("code").asInt()).isEqualTo(-32001);
        assertThat(answers.get(2).path("error").path("code").asInt()).isEqualTo(-32001);
        assertThat(answers.get(2).path("error").path("message").asText()).startsWith("not carried out");
        assertThat(notes()).isEqualTo(before + 1);
    }

    private static String addNote() {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + NEXT_ID.incrementAndGet() + ",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"add_note\",\"arguments\":{\"issue_id\":\"" + issueId
                + "\",\"body\":\"seen again\"}}}";
    }

    private static String ping(String id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"ping\"}";
    }

    private static String batch(List<String> messages) {
        return "[" + String.join(",", new ArrayList<>(messages)) + "]";
    }

    private static long notes() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        return faultline.database().jdbi().withHandle(handle ->
                handle.createQuery("SELECT count(*) FROM notes").mapTo(Long.class).one());
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return http.send(request(token, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> postBytes(String token, String body) throws Exception {
        return http.send(request(token, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** No MCP-Protocol-Version header: protocol 2025-03-26, the one that allows batches. */
    private static HttpRequest request(String token, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
