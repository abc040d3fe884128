package dev.faultline.bootstrap.sdks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.bootstrap.CommandLine;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real, unmodified Sentry SDK for Java ({@code io.sentry:sentry}, test scope) against the real application
 * over real HTTP: the DSN comes from {@code key list} of the command line on the server's database, the SDK
 * sends a caught exception, the same exception twice with different values and lines, a message, a chained
 * exception, a large event and an uncaught exception on a thread, then MCP ({@code tools/call} with a read-only
 * personal token) must show them as issues. Then the regression rules with the SDK's own events (an owner
 * resolves and mutes through MCP with a token that may write), and a key with a rate limit that makes the SDK
 * back off and say so in its client report. The SDK keeps global state (hub, transport, shutdown hook), so this
 * class runs in a JVM of its own (tag {@code own-jvm}, see bootstrap/pom.xml) and closes Sentry at the end.
 */
@Tag("own-jvm")
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentryJavaSdkTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String EMAIL = "java-sdk@example.com";
    private static final String SLUG = "sdk-java";
    private static final Pattern DSN = Pattern.compile("https?://[0-9a-f]{32}@\\S+/[0-9]+");

    private static final SdkLog SDK_LOG = new SdkLog();
    private static final Map<String, List<SentryId>> SENT = new LinkedHashMap<>();
    /** When set, every event the SDK sends is dated then (in beforeSend, as an application may do). */
    private static final AtomicReference<Date> DATE_EVENTS_AT = new AtomicReference<>();
    private static final int LIMITED_EVENTS_PER_MINUTE = 6;
    private static String dsn;
    private static McpCalls mcp;
    private static McpCalls writer;

    @BeforeAll
    static void an_application_its_dsn_and_the_sdk_sending_every_scenario() throws Exception {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        UserId owner = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Java SDK", "correct horse battery"))).userId();
        faultline.tracker().createApplication().createApplication(new CreateApplication.Command(Actor.person(owner),
                "Java SDK", new ApplicationSlug(SLUG), new Platform("java")));
        mcp = new McpCalls(APP.getConfiguration().getPublicBaseUrl(), faultline.personalTokens().create()
                .create(CreatePersonalToken.Command.of(owner, "sdk test", "mcp:read", null)).token());
        writer = new McpCalls(APP.getConfiguration().getPublicBaseUrl(), faultline.personalTokens().create()
                .create(CreatePersonalToken.Command.of(owner, "sdk test (write)", "mcp:read mcp:write", null))
                .token());
        dsn = dsnOf(SLUG);

        startSentry(dsn);
        Sentry.configureScope(scope -> {
            scope.setTag("region", "eu-west");
            scope.setTag("checkout_step", "payment");
            User user = new User();
            user.setId("user-3003");
            user.setEmail("linus@example.com");
            scope.setUser(user);
        });
        send("caught", () -> Shop.chargeCard(1001));
        send("twice", () -> Shop.findCustomer(41));
        send("twice", () -> Shop.findCustomer(42));
        SENT.put("message", List.of(Sentry.captureMessage("Inventory sync skipped 3 items", SentryLevel.WARNING)));
        send("chained", () -> Shop.saveOrder(1002));
        Sentry.withScope(scope -> {
            scope.setExtra("rows", "row data ".repeat(34_000)); // about 300 KB in one event
            send("large", () -> Shop.exportReport(9));
        });
        // Nobody catches this one: the SDK's uncaught-exception handler reports it as fatal and waits for the
        // flush before the thread dies.
        Thread worker = new Thread(Shop::crashWorker, "worker-77");
        worker.start();
        worker.join();
        Sentry.flush(30_000);
    }

    @AfterAll
    static void close_sentry() {
        Sentry.close();
    }

    @Test
    @Order(1)
    void every_envelope_was_accepted() {
        assertThat(SDK_LOG.failures()).as(SDK_LOG.all()).isEmpty();
        assertThat(SENT.values().stream().flatMap(List::stream)).doesNotContain(SentryId.EMPTY_ID).hasSize(6);
    }

    @Test
    @Order(2)
    void six_issues_with_the_right_titles_types_levels_and_counts() {
        List<JsonNode> issues = issues();

        assertThat(issues).extracting(issue -> issue.path("title").asText()).hasSize(6);
        assertIssue(issues, "Payment declined for order 1001", "IllegalStateException", "error", 1);
        assertIssue(issues, "Inventory sync skipped 3 items", null, "warning", 1);
        assertIssue(issues, "Could not save order 1002", "IllegalStateException", "error", 1);
        assertIssue(issues, "Report export too large for batch 9", "IllegalStateException", "error", 1);
        assertIssue(issues, "Worker crashed on job 77", "IllegalStateException", "fatal", 1);
    }

    @Test
    @Order(2)
    void the_same_exception_with_different_values_and_lines_is_one_issue_of_two_events() {
        JsonNode issue = assertIssue(issues(), "Customer 4", "NoSuchElementException", "error", 2);

        JsonNode events = mcp.tool("list_events", Map.of("issue_id", issue.path("id").asText())).path("events");
        List<String> excerpts = new ArrayList<>();
        events.forEach(event -> excerpts.add(event.path("message_excerpt").asText()));
        assertThat(excerpts).hasSize(2).anySatisfy(text -> assertThat(text).contains("Customer 41 not found"))
                .anySatisfy(text -> assertThat(text).contains("Customer 42 not found in region eu-west"));
    }

    @Test
    @Order(2)
    void the_event_keeps_release_environment_tags_user_and_the_in_app_crash_frame() {
        JsonNode event = latestEvent("Payment declined for order 1001");

        assertThat(event.path("release").asText()).isEqualTo("shop-java@3.1.0");
        assertThat(event.path("environment").asText()).isEqualTo("acceptance");
        assertThat(event.path("tags").path("region").asText()).isEqualTo("eu-west");
        assertThat(event.path("tags").path("checkout_step").asText()).isEqualTo("payment");
        assertThat(event.path("user").path("id").asText()).isEqualTo("user-3003");
        assertThat(event.path("user").path("email").asText()).isEqualTo("linus@example.com");
        List<JsonNode> frames = new ArrayList<>();
        event.path("frames").forEach(frames::add);
        assertThat(frames).as(event.path("frames").toString()).anySatisfy(frame -> {
            assertThat(frame.path("function").asText()).contains("chargeCard");
            assertThat(frame.path("in_app").asBoolean()).isTrue();
            assertThat(frame.path("line").asInt()).isPositive();
        });
    }

    @Test
    @Order(2)
    void the_chained_exception_is_an_issue_of_the_outer_exception() {
        JsonNode event = latestEvent("Could not save order 1002");

        assertThat(event.path("exception_type").asText()).isEqualTo("IllegalStateException");
        assertThat(event.path("message").asText()).contains("Could not save order 1002");
        JsonNode crash = mcp.tool("get_event", Map.of("event_id", event.path("id").asText())).path("crash");
        JsonNode chain = crash.path("exceptions");
        assertThat(chain).as(crash.toString()).hasSize(2);
        assertThat(chain.get(0).path("type").asText()).isEqualTo("IllegalArgumentException");
        assertThat(chain.get(0).path("value").asText()).contains("Quantity -1 out of range");
        assertThat(chain.get(1).path("type").asText()).isEqualTo("IllegalStateException");
        assertThat(crash.path("sdk").path("name").asText()).isEqualTo("sentry.java");
        assertThat(crash.path("contexts").path("runtime").path("name").asText()).isNotBlank();
    }

    @Test
    @Order(3)
    void a_wrong_key_gets_403_and_stores_nothing() {
        List<Integer> counts = issues().stream().map(issue -> issue.path("event_count").asInt()).toList();
        Matcher key = Pattern.compile("//([0-9a-f]{32})@").matcher(dsn);
        assertThat(key.find()).isTrue();
        String wrong = dsn.replace(key.group(1), new StringBuilder(key.group(1)).reverse().toString());

        Sentry.close();
        startSentry(wrong);
        Sentry.captureException(new IllegalStateException("Payment declined for order 9999"));
        Sentry.flush(30_000);

        assertThat(SDK_LOG.failures()).as(SDK_LOG.all()).containsExactly("Request failed, API returned 403");
        List<JsonNode> after = issues();
        assertThat(after.stream().map(issue -> issue.path("event_count").asInt()).toList()).isEqualTo(counts);
        assertThat(after).noneSatisfy(issue -> assertThat(issue.path("title").asText()).contains("9999"));
    }

    @Test
    @Order(4)
    void an_sdk_event_dated_before_the_resolution_does_not_regress_the_issue_and_one_after_does() {
        Sentry.close();
        startSentry(dsn);
        JsonNode issue = assertIssue(issues(), "Payment declined for order 1001", null, "error", 1);
        String id = issue.path("id").asText();
        assertThat(writer.tool("resolve_issue", Map.of("issue_id", id)).path("issue").path("status").asText())
                .isEqualTo("resolved");
        JsonNode resolution = last(activity(id), "resolved");
        assertThat(resolution.path("by").asText()).isEqualTo("person");
        Instant resolvedAt = Instant.parse(resolution.path("at").asText());

        DATE_EVENTS_AT.set(Date.from(resolvedAt.minusSeconds(60)));
        send("before resolution", () -> Shop.chargeCard(1001));
        Sentry.flush(30_000);
        DATE_EVENTS_AT.set(null);

        JsonNode counted = issue(id);
        assertThat(counted.path("event_count").asInt()).isEqualTo(2);
        assertThat(counted.path("status").asText()).isEqualTo("resolved");
        assertThat(whats(activity(id))).doesNotContain("regressed");
        assertThat(openedOrRegressedSince(resolvedAt)).isEmpty();

        send("after resolution", () -> Shop.chargeCard(1001));
        Sentry.flush(30_000);

        JsonNode regressed = issue(id);
        assertThat(regressed.path("event_count").asInt()).isEqualTo(3);
        assertThat(regressed.path("status").asText()).isEqualTo("unresolved");
        List<JsonNode> regressions = new ArrayList<>();
        activity(id).forEach(entry -> {
            if (entry.path("what").asText().equals("regressed")) {
                regressions.add(entry);
            }
        });
        assertThat(regressions).hasSize(1);
        assertThat(regressions.get(0).path("by").asText()).isEqualTo("ingest");
        assertThat(regressions.get(0).path("event_id").isTextual()).isTrue();
        assertThat(Instant.parse(regressions.get(0).path("at").asText())).isAfterOrEqualTo(resolvedAt);
        assertThat(openedOrRegressedSince(resolvedAt)).containsExactly(id);
        assertThat(SDK_LOG.failures()).as(SDK_LOG.all()).containsExactly("Request failed, API returned 403");
    }

    @Test
    @Order(5)
    void muted_until_two_more_events_the_issue_stays_muted_after_one_and_unmutes_on_the_second() {
        String id = assertIssue(issues(), "Payment declined for order 1001", null, "error", 3).path("id").asText();
        assertThat(writer.tool("mute_issue", Map.of("issue_id", id, "events", 2)).path("issue").path("status")
                .asText()).isEqualTo("muted");

        send("while muted", () -> Shop.chargeCard(1001));
        Sentry.flush(30_000);
        assertThat(issue(id).path("status").asText()).isEqualTo("muted");
        assertThat(issue(id).path("event_count").asInt()).isEqualTo(4);

        send("while muted", () -> Shop.chargeCard(1001));
        Sentry.flush(30_000);
        assertThat(issue(id).path("status").asText()).isEqualTo("unresolved");
        assertThat(issue(id).path("event_count").asInt()).isEqualTo(5);
        List<String> whats = whats(activity(id));
        assertThat(whats.subList(whats.size() - 2, whats.size())).containsExactly("muted", "unmuted");
        assertThat(last(activity(id), "unmuted").path("by").asText()).isEqualTo("ingest");
    }

    @Test
    @Order(6)
    void a_rate_limited_key_makes_the_sdk_back_off_and_its_client_report_says_so() throws Exception {
        long eventsBefore = eventsStored();
        CommandLine.Result created = cli("key", "create", "--application", SLUG, "--label", "limited",
                "--rate-limit", String.valueOf(LIMITED_EVENTS_PER_MINUTE));
        Matcher limited = DSN.matcher(created.out());
        assertThat(limited.find()).as(created.out()).isTrue();
        Sentry.close();
        startSentry(limited.group());
        int failuresBefore = SDK_LOG.failures().size();

        // One event at a time until the key's limit answers 429 (bounded: the bucket holds a minute's worth).
        int answered200 = 0;
        for (int orderId = 2001; orderId <= 2030 && SDK_LOG.failures().size() == failuresBefore; orderId++) {
            int order = orderId;
            send("rate limited", () -> Shop.chargeCard(order));
            Sentry.flush(30_000);
            if (SDK_LOG.failures().size() == failuresBefore) {
                answered200++;
            }
        }
        assertThat(SDK_LOG.failures().subList(failuresBefore, SDK_LOG.failures().size()))
                .containsExactly("Request failed, API returned 429");
        assertThat(answered200).isPositive();
        assertThat(meter("ingest.rejected.key_quota")).isEqualTo(1);

        // Backing off, the SDK drops these two itself: nothing reaches Faultline.
        send("dropped", () -> Shop.chargeCard(2998));
        send("dropped", () -> Shop.chargeCard(2999));
        Sentry.flush(30_000);
        assertThat(SDK_LOG.all()).contains("envelope items will be dropped due rate limiting");
        assertThat(meter("ingest.rejected.key_quota")).isEqualTo(1);
        assertThat(counter("ingest.sdk_dropped.ratelimit_backoff.error")).isZero();

        // The Java SDK sends its client report with the next envelope it sends, once the back-off is over
        // (retry_after is at most a minute / the limit; the bucket has refilled a token by then).
        Thread.sleep(Duration.ofSeconds(60 / LIMITED_EVENTS_PER_MINUTE + 1).toMillis());
        send("after the back-off", () -> Shop.chargeCard(3001));
        Sentry.flush(30_000);

        assertThat(SDK_LOG.failures().size()).as(SDK_LOG.all()).isEqualTo(failuresBefore + 1);
        assertThat(SDK_LOG.all()).contains("Attaching client report to envelope.");
        assertThat(counter("ingest.sdk_dropped.ratelimit_backoff.error")).isEqualTo(2);
        assertThat(eventsStored()).isEqualTo(eventsBefore + answered200 + 1);
    }

    private static void startSentry(String dsn) {
        Sentry.init(options -> {
            options.setDsn(dsn);
            options.setRelease("shop-java@3.1.0");
            options.setEnvironment("acceptance");
            // Only the application's code (Shop) is in-app; this test's own frames and JUnit's are not (the SDK
            // checks includes first), so an event sent again from another test method groups as the application
            // would, by Shop's frames alone. Frames the SDK leaves unmarked would count as in-app (grouping v1's
            // JVM default for modules outside the JDK and common libraries).
            options.addInAppInclude(Shop.class.getName());
            options.addInAppExclude(SentryJavaSdkTest.class.getName());
            options.addInAppExclude("org.junit.");
            options.setDebug(true);
            options.setLogger(SDK_LOG);
            options.setBeforeSend((event, hint) -> {
                Date at = DATE_EVENTS_AT.get();
                if (at != null) {
                    event.setTimestamp(at);
                }
                return event;
            });
        });
    }

    private static void send(String scenario, Runnable failing) {
        try {
            failing.run();
        } catch (RuntimeException e) {
            SENT.computeIfAbsent(scenario, s -> new ArrayList<>()).add(Sentry.captureException(e));
        }
    }

    /** The application's DSN, read the way an operator reads it: {@code key list} with the server's settings. */
    private static String dsnOf(String slug) throws IOException {
        CommandLine.Result listed = cli("key", "list", "--application", slug);
        Matcher found = DSN.matcher(listed.out());
        assertThat(found.find()).as(listed.out()).isTrue();
        return found.group();
    }

    /** Runs the command line on the server's database and settings; it must succeed. */
    private static CommandLine.Result cli(String... arguments) throws IOException {
        Path directory = TestFaultline.temporaryDirectory("sentry-java");
        String yaml = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                .replace("${TEST_DATABASE_URL:-embedded}", APP.getConfiguration().getDatabase().getUrl())
                // The server's data directory: the key-encryption key of its signing keys lives beside it.
                .replace("${TEST_DATA_DIR:-target/test-data}/postgres",
                        APP.getConfiguration().getDatabase().getEmbeddedDataDirectory())
                .replace("publicBaseUrl: http://localhost:8080",
                        "publicBaseUrl: " + APP.getConfiguration().getPublicBaseUrl());
        Path config = Files.writeString(directory.resolve("config.yml"), yaml);
        List<String> command = new ArrayList<>(List.of(arguments));
        command.add(config.toString());
        CommandLine.Result result = CommandLine.run(command.toArray(String[]::new));
        assertThat(result.succeeded()).as(result.out() + result.err()).isTrue();
        return result;
    }

    private static JsonNode issue(String id) {
        return mcp.tool("get_issue", Map.of("issue_id", id)).path("issue");
    }

    private static JsonNode activity(String id) {
        return mcp.tool("get_issue", Map.of("issue_id", id)).path("activity");
    }

    private static List<String> whats(JsonNode activity) {
        List<String> whats = new ArrayList<>();
        activity.forEach(entry -> whats.add(entry.path("what").asText()));
        return whats;
    }

    private static JsonNode last(JsonNode activity, String what) {
        JsonNode found = null;
        for (JsonNode entry : activity) {
            if (entry.path("what").asText().equals(what)) {
                found = entry;
            }
        }
        assertThat(found).as("a \"%s\" entry in %s", what, activity).isNotNull();
        return found;
    }

    private static List<String> openedOrRegressedSince(Instant at) {
        List<String> ids = new ArrayList<>();
        mcp.tool("list_issues", Map.of("application", SLUG, "opened_or_regressed_since", at.toString(), "limit", 100))
                .path("issues").forEach(issue -> ids.add(issue.path("id").asText()));
        return ids;
    }

    private static long eventsStored() {
        return issues().stream().mapToLong(issue -> issue.path("event_count").asLong()).sum();
    }

    private static long counter(String name) throws IOException, InterruptedException {
        return metrics().path("counters").path(name).path("count").asLong(0);
    }

    private static long meter(String name) throws IOException, InterruptedException {
        return metrics().path("meters").path(name).path("count").asLong(0);
    }

    /** The server's metrics, read from its admin port. */
    private static JsonNode metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getAdminPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static List<JsonNode> issues() {
        List<JsonNode> issues = new ArrayList<>();
        mcp.tool("list_issues", Map.of("application", SLUG, "limit", 100)).path("issues").forEach(issues::add);
        return issues;
    }

    private static JsonNode assertIssue(List<JsonNode> issues, String titleText, String type, String level,
            int events) {
        List<JsonNode> found = issues.stream().filter(issue -> issue.path("title").asText().contains(titleText))
                .toList();
        assertThat(found).as("issues titled with \"%s\" in %s", titleText, issues).hasSize(1);
        JsonNode issue = found.get(0);
        if (type != null) {
            assertThat(issue.path("exception_type").asText()).as(titleText).isEqualTo(type);
        }
        assertThat(issue.path("level").asText()).as(titleText).isEqualTo(level);
        assertThat(issue.path("event_count").asInt()).as(titleText).isEqualTo(events);
        assertThat(issue.path("status").asText()).as(titleText).isEqualTo("unresolved");
        return issue;
    }

    private static JsonNode latestEvent(String titleText) {
        JsonNode issue = assertIssue(issues(), titleText, null, "error", 1);
        return mcp.tool("get_issue", Map.of("issue_id", issue.path("id").asText())).path("latest_event");
    }

    /** The application's code, in a class of its own so the SDK can mark its frames (and only those) in-app. */
    static final class Shop {
        private Shop() {
        }

        static void chargeCard(int orderId) {
            throw new IllegalStateException("Payment declined for order " + orderId);
        }

        static void findCustomer(int id) {
            if (id % 2 == 0) {
                throw new NoSuchElementException("Customer " + id + " not found in region eu-west");
            }
            throw new NoSuchElementException("Customer " + id + " not found");
        }

        static void saveOrder(int orderId) {
            try {
                reserveStock(-1);
            } catch (IllegalArgumentException cause) {
                throw new IllegalStateException("Could not save order " + orderId, cause);
            }
        }

        private static void reserveStock(int quantity) {
            throw new IllegalArgumentException("Quantity " + quantity + " out of range");
        }

        static void exportReport(int batch) {
            throw new IllegalStateException("Report export too large for batch " + batch);
        }

        static void crashWorker() {
            throw new IllegalStateException("Worker crashed on job 77");
        }
    }
}
