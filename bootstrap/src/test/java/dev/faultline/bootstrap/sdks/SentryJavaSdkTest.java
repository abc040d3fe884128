package dev.faultline.bootstrap.sdks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
 * personal token) must show them as issues. The SDK keeps global state (hub, transport, shutdown hook), so this
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
    private static String dsn;
    private static McpCalls mcp;

    @BeforeAll
    static void an_application_its_dsn_and_the_sdk_sending_every_scenario() throws Exception {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        UserId owner = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Java SDK", "correct horse battery"))).userId();
        faultline.tracker().createApplication().createApplication(new CreateApplication.Command(Actor.person(owner),
                "Java SDK", new ApplicationSlug(SLUG), new Platform("java")));
        mcp = new McpCalls(APP.getConfiguration().getPublicBaseUrl(), faultline.personalTokens().create()
                .create(CreatePersonalToken.Command.of(owner, "sdk test", "mcp:read", null)).token());
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

    private static void startSentry(String dsn) {
        Sentry.init(options -> {
            options.setDsn(dsn);
            options.setRelease("shop-java@3.1.0");
            options.setEnvironment("acceptance");
            options.addInAppInclude(Shop.class.getPackageName());
            options.setDebug(true);
            options.setLogger(SDK_LOG);
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
        Path directory = TestFaultline.temporaryDirectory("sentry-java");
        String yaml = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                .replace("${TEST_DATABASE_URL:-embedded}", APP.getConfiguration().getDatabase().getUrl())
                // The server's data directory: the key-encryption key of its signing keys lives beside it.
                .replace("${TEST_DATA_DIR:-target/test-data}/postgres",
                        APP.getConfiguration().getDatabase().getEmbeddedDataDirectory())
                .replace("publicBaseUrl: http://localhost:8080",
                        "publicBaseUrl: " + APP.getConfiguration().getPublicBaseUrl());
        Path config = Files.writeString(directory.resolve("config.yml"), yaml);
        CommandLine.Result listed = CommandLine.run("key", "list", "--application", slug, config.toString());
        assertThat(listed.succeeded()).as(listed.out() + listed.err()).isTrue();
        Matcher found = DSN.matcher(listed.out());
        assertThat(found.find()).as(listed.out()).isTrue();
        return found.group();
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

    /** The application's code, in a package of its own so the SDK can mark its frames in-app. */
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
