package dev.faultline.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.purge.PurgeJob;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.StackFrame;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault: two Faultline servers on one database (scale-out). A grant revoked through A is refused by A at once and by
 * B as soon as B has heard PostgreSQL's notice (B had the grant's state in memory), an issue changed through B shows
 * on A once A has heard, and while one instance purges the other skips its turn.
 */
class TwoInstancesTest {
    private static final String PUBLIC_BASE_URL = "https://faultline.example";
    private static final TestDatabase DATABASE = TestDatabases.freshEmpty();
    private static final DropwizardTestSupport<FaultlineConfiguration> A = TestFaultline.instanceOn(DATABASE, PUBLIC_BASE_URL);
    private static final DropwizardTestSupport<FaultlineConfiguration> B = TestFaultline.instanceOn(DATABASE, PUBLIC_BASE_URL);

    @BeforeAll
    static void startBoth() throws Exception {
        A.before();
        B.before();
    }

    /** In reverse: each restores the system properties it found, so nothing leaks into later test classes. */
    @AfterAll
    static void stopBoth() {
        try {
            B.after();
        } finally {
            A.after();
        }
    }

    @Test
    void revoked_on_a_is_refused_on_a_at_once_and_on_b_once_b_has_heard_the_notice() throws Exception {
        Faultline a = faultline(A);
        Faultline b = faultline(B);
        UserId user = Grants.person(a, "two@example.com");
        Client client = Grants.client(a);
        TokenOutcome.Tokens tokens = Grants.grant(a, user, client);
        Wire onA = new Wire("http://127.0.0.1:" + A.getLocalPort());
        Wire onB = new Wire("http://127.0.0.1:" + B.getLocalPort());
        await(() -> b.chainStates().isLive(), "B listening for chain changes");
        assertThat(onA.listApplications(tokens.accessToken()).statusCode()).isEqualTo(200);
        assertThat(onB.listApplications(tokens.accessToken()).statusCode()).isEqualTo(200);
        assertThat(b.chainStates().holds(tokens.chainId())).as("B keeps the grant's state").isTrue();
        long heardOnB = b.chainStates().appliedChanges();

        HttpResponse<String> revoked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + A.getLocalPort() + "/mcp/oauth/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=" + encode(client.id().value())
                        + "&token=" + encode(tokens.refreshToken()))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(onA.listApplications(tokens.accessToken()).statusCode()).as("A, next request").isEqualTo(401);
        await(() -> b.chainStates().appliedChanges() > heardOnB, "B applying the revocation's notice");
        assertThat(onB.listApplications(tokens.accessToken()).statusCode()).as("B, once it has heard").isEqualTo(401);
        assertThat(onB.refresh(client.id().value(), tokens.refreshToken()).statusCode()).isEqualTo(400);
    }

    /**
     * A keeps issue revisions in memory (kept exact by PostgreSQL's notices), so what changed through B shows on A
     * once A has heard its notice; what changed through A shows on A at once.
     */
    @Test
    void get_issue_on_a_shows_what_changed_through_b_once_heard_and_what_changed_through_a_at_once() throws Exception {
        Faultline a = faultline(A);
        Faultline b = faultline(B);
        UserId user = Grants.person(a, "issue-reader@example.com");
        TokenOutcome.Tokens tokens = Grants.grant(a, user, Grants.client(a));
        ApplicationId application = ((CreateApplication.Outcome.Created) a.tracker().createApplication()
                .createApplication(new CreateApplication.Command(Actor.person(user), "Shop",
                        new ApplicationSlug("two-instance-shop"), new Platform("java")))).application().id();
        IssueId issue = record(a, user, application);
        Wire onA = new Wire("http://127.0.0.1:" + A.getLocalPort());
        await(() -> a.issueRevisions().isLive(), "A listening for issue changes");

        JsonNode first = structured(onA.getIssue(tokens.accessToken(), issue.toString()));
        assertThat(first.path("notes")).isEmpty();
        assertThat(structured(onA.getIssue(tokens.accessToken(), issue.toString()))).as("asked again").isEqualTo(first);

        b.tracker().addNote().addNote(new AddNote.Command(Actor.person(user), issue, "seen through B"));
        JsonNode noted = awaitIssue(onA, tokens, issue, shown -> shown.path("notes").size() == 1, "B's note on A");
        assertThat(noted.path("notes")).extracting(note -> note.path("body").asText()).containsExactly("seen through B");

        b.tracker().resolveIssue().resolveIssue(new ResolveIssue.Command(Actor.person(user), issue));
        awaitIssue(onA, tokens, issue, shown -> shown.path("issue").path("status").asText().equals("resolved"),
                "B's resolution on A");

        assertThat(record(b, user, application)).isEqualTo(issue);
        JsonNode regressed = awaitIssue(onA, tokens, issue,
                shown -> shown.path("issue").path("event_count").asLong() == 2, "B's event on A");
        assertThat(regressed.path("issue").path("status").asText()).isEqualTo("unresolved");

        a.tracker().addNote().addNote(new AddNote.Command(Actor.person(user), issue, "written through A"));
        assertThat(structured(onA.getIssue(tokens.accessToken(), issue.toString())).path("notes"))
                .as("A's own write, next call").extracting(note -> note.path("body").asText())
                .containsExactly("seen through B", "written through A");
    }

    /** Asks A for the issue until {@code shows} holds (A hears B's notice shortly after B's commit). */
    private static JsonNode awaitIssue(Wire on, TokenOutcome.Tokens tokens, IssueId issue,
            java.util.function.Predicate<JsonNode> shows, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode shown = structured(on.getIssue(tokens.accessToken(), issue.toString()));
            if (shows.test(shown)) {
                return shown;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what + "; last shown: " + shown);
            }
            Thread.sleep(5);
        }
    }

    private static IssueId record(Faultline faultline, UserId user, ApplicationId application) {
        CrashReport report = new CrashReport(Optional.empty(), Optional.of("Cart failed"), "Cart.total",
                "IllegalStateException", Level.ERROR, "empty cart", Instant.now(),
                List.of(new StackFrame("Cart.java", "Cart.total", 12, true)), Optional.of("prod"),
                Optional.of("1.0"), new TreeMap<>(), Optional.empty());
        return ((RecordEvent.Outcome.Recorded) faultline.tracker().recordEvent()
                .recordEvent(new RecordEvent.Command(Actor.person(user), application, report))).issue().id();
    }

    private static JsonNode structured(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = new ObjectMapper().readTree(response.body()).path("result");
        assertThat(result.path("isError").asBoolean(true)).as(response.body()).isFalse();
        return result.path("structuredContent");
    }

    /** Polls what a notice changes, with a generous overall limit: never a fixed sleep. */
    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void while_a_purges_b_skips_its_turn() throws Exception {
        Faultline a = faultline(A);
        Faultline b = faultline(B);
        PurgeJob onA = new PurgeJob(a.exclusiveJobs(), a.purgeSteps(), new MetricRegistry(), a.clock());
        PurgeJob onB = new PurgeJob(b.exclusiveJobs(), b.purgeSteps(), new MetricRegistry(), b.clock());
        CountDownLatch purging = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() ->
                a.exclusiveJobs().runIfFree(PurgeJob.JOB_NAME, () -> {
                    purging.countDown();
                    await(finish);
                    return "A purged";
                }));
        try {
            assertThat(purging.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(onB.runOnce()).as("B while A purges").isEmpty();
        } finally {
            finish.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS)).contains("A purged");
        Optional<Map<String, Long>> afterwards = onB.runOnce();
        assertThat(afterwards).as("B once A is done").isPresent();
        assertThat(onA.runOnce()).isPresent();
    }

    private static Faultline faultline(DropwizardTestSupport<FaultlineConfiguration> app) {
        return ((FaultlineApplication) app.getApplication()).faultline();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
