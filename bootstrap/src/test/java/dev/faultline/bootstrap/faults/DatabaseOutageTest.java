package dev.faultline.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.adapters.http.outage.StorageUnavailableMapper;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.database.EmbeddedDatabase;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Fault: PostgreSQL stops while clients refresh tokens and call /mcp, then comes back. While it is down every
 * request is a 503 with Retry-After in the shape of its endpoint (never a 500), each logged as one WARN line;
 * when it is back the same clients carry on with the tokens they hold: no grant was half-written.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseOutageTest {
    private static final int CLIENTS = 3;
    private static final Path DATA = TestFaultline.temporaryDirectory("outage");
    private static final int DATABASE_PORT = TestFaultline.freePort();
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverOnItsOwnEmbeddedDatabase(
            DATA, DATABASE_PORT, ConfigOverride.config("database.unavailableRetryAfter", "2s"),
            // Strict rotation, so that a refresh whose answer the shutdown lost ends the same way whatever the
            // restart takes: its retry is reuse (see Chain.answerLost).
            ConfigOverride.config("access.refreshReuseGrace", "0s"));
    private static final ListAppender<ILoggingEvent> OUTAGE_LOG = new ListAppender<>();
    private static final ListAppender<ILoggingEvent> SERVER_ERRORS = new ListAppender<>();
    private static EmbeddedDatabase restarted;

    private final ObjectMapper json = new ObjectMapper();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unavailableAnswers = new AtomicInteger();

    @BeforeAll
    static void listenToTheLogs() {
        capture(StorageUnavailableMapper.class.getName(), OUTAGE_LOG);
        capture("io.dropwizard.jersey.errors.LoggingExceptionMapper", SERVER_ERRORS);
    }

    @AfterAll
    static void stopTheRestartedDatabase() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void answers_503_while_the_database_is_down_and_recovers_with_every_grant_intact() throws Exception {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        Wire wire = new Wire(APP.getConfiguration().getPublicBaseUrl());
        UserId user = Grants.person(faultline, "load@example.com");
        Client client = Grants.client(faultline);
        List<Chain> chains = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            chains.add(new Chain(Grants.grant(faultline, user, client)));
        }
        // A grant of its own for the checks below: a loaded chain may lose an answer to the outage and be revoked
        // for the reuse its retry is, and its access token with it (the documented lost answer).
        String probe = Grants.grant(faultline, user, client).accessToken();

        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch workingBefore = new CountDownLatch(CLIENTS);
        CountDownLatch refusedWhileDown = new CountDownLatch(CLIENTS);
        CountDownLatch workingAfter = new CountDownLatch(CLIENTS);
        AtomicBoolean back = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (Chain chain : chains) {
            Thread thread = new Thread(() -> {
                boolean counted = false;
                boolean refused = false;
                boolean recovered = false;
                boolean refreshRefused = false;
                while (!stop.get()) {
                    boolean wasBack = back.get();
                    boolean wasDown = down.get() && !wasBack;
                    HttpResponse<String> refresh = wire.refresh(client.id().value(), chain.refreshToken);
                    if (refreshRefused && refresh.statusCode() == 400 && refresh.body().contains("\"invalid_grant\"")) {
                        // The shutdown cut the connection after this client's rotation had committed, so its 503
                        // hid a new refresh token: the documented lost answer, whose retry is reuse. A real client
                        // signs in again; this one stops, and its chain is checked at the end.
                        chain.answerLost = true;
                        workingAfter.countDown();
                        break;
                    }
                    HttpResponse<String> call = wire.listApplications(chain.accessToken);
                    boolean ok = record("refresh", refresh, this::assertOAuthUnavailable)
                            & record("mcp", call, this::assertMcpUnavailable);
                    if (refresh.statusCode() == 200) {
                        chain.rotated(refresh.body(), json);
                    }
                    // Only a 400 right after a 503 can be a lost answer; after a 200 a 400 would be a bug.
                    refreshRefused = refresh.statusCode() == 503 || refreshRefused && refresh.statusCode() != 200;
                    if (ok && !counted) {
                        counted = true;
                        workingBefore.countDown();
                    }
                    if (wasDown && refresh.statusCode() == 503 && call.statusCode() == 503 && !refused) {
                        refused = true;
                        refusedWhileDown.countDown();
                    }
                    if (wasBack && ok && !recovered) {
                        recovered = true;
                        workingAfter.countDown();
                    }
                }
            }, "outage-load");
            load.add(thread);
            thread.start();
        }
        try {
            assertThat(workingBefore.await(60, TimeUnit.SECONDS)).as("every client works before the outage").isTrue();

            EmbeddedDatabase database = faultline.database().embedded().orElseThrow();
            database.close();
            down.set(true);
            HttpResponse<String> token = wire.refresh(client.id().value(), "whatever");
            HttpResponse<String> mcp = wire.listApplications(probe);
            HttpResponse<String> page = wire.page("/issues", "flt_ses_not-a-live-session");
            countUnavailable(token, mcp, page);
            assertOAuthUnavailable(token);
            assertMcpUnavailable(mcp);
            assertPageUnavailable(page);
            assertThat(refusedWhileDown.await(60, TimeUnit.SECONDS)).as("every client is refused while it is down").isTrue();

            restarted = EmbeddedDatabase.start(DATA.resolve("postgres"), DATABASE_PORT);
            back.set(true);
            assertThat(wire.listApplications(probe).statusCode())
                    .as("the first request after the restart is served").isEqualTo(200);
            assertThat(workingAfter.await(60, TimeUnit.SECONDS))
                    .as("every client works again; answers other than 200 or 503: %s", unexpected).isTrue();
        } finally {
            stop.set(true);
            for (Thread thread : load) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
        }

        assertThat(unexpected).as("only 200 or the documented 503, never a 500").isEmpty();
        assertThat(SERVER_ERRORS.list).as("no request failed as a bug").isEmpty();
        assertThat(OUTAGE_LOG.list).as("one WARN line per 503, no stack trace").hasSize(unavailableAnswers.get())
                .allSatisfy(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.WARN);
                    assertThat(event.getThrowableProxy()).isNull();
                });
        List<Chain> lost = chains.stream().filter(chain -> chain.answerLost).toList();
        for (Chain chain : lost) {
            ChainRows.Chain stored = ChainRows.issuerOf(faultline.database().jdbi(), chain.refreshToken);
            assertThat(stored.generation()).as("a lost answer hid exactly one committed rotation")
                    .isEqualTo(stored.tokenGeneration() + 1);
            assertThat(stored.revocationReason()).as("presenting the token before it is reuse").contains("REFRESH_REUSE");
        }
        assertThat(ChainRows.halfWritten(faultline.database().jdbi()))
                .as("chains whose refresh tokens do not add up, besides those revoked for a lost answer")
                .isEqualTo(lost.size());
        for (Chain chain : chains) {
            if (!chain.answerLost) {
                assertThat(wire.refresh(client.id().value(), chain.refreshToken).statusCode())
                        .as("the last refresh token each client received still works").isEqualTo(200);
            }
        }
    }

    private boolean record(String what, HttpResponse<String> response, java.util.function.Consumer<HttpResponse<String>> unavailable) {
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 503) {
            unavailableAnswers.incrementAndGet();
            try {
                unavailable.accept(response);
            } catch (AssertionError e) {
                unexpected.add(what + ": " + e.getMessage());
            }
        } else {
            unexpected.add(what + ": " + response.statusCode() + " " + response.body());
        }
        return false;
    }

    private void countUnavailable(HttpResponse<?>... responses) {
        for (HttpResponse<?> response : responses) {
            if (response.statusCode() == 503) {
                unavailableAnswers.incrementAndGet();
            }
        }
    }

    private void assertOAuthUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = parse(response);
        assertThat(body.path("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(body.path("error_description").asText()).isEqualTo(
                "Faultline's database is unavailable; try again in 2 seconds");
    }

    private void assertMcpUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        JsonNode body = parse(response);
        assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32000);
        assertThat(body.path("error").path("message").asText()).contains("database is unavailable");
    }

    private static void assertPageUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).contains("Faultline is unavailable for a moment", "try again in 2 seconds");
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static void capture(String loggerName, ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** The tokens one client holds: replaced only when a refresh answered 200. */
    private static final class Chain {
        volatile String accessToken;
        volatile String refreshToken;
        /** A refresh answered 503 after its rotation committed (the connection died in between). */
        volatile boolean answerLost;

        Chain(TokenOutcome.Tokens tokens) {
            this.accessToken = tokens.accessToken();
            this.refreshToken = tokens.refreshToken();
        }

        void rotated(String body, ObjectMapper json) {
            try {
                JsonNode tokens = json.readTree(body);
                accessToken = tokens.path("access_token").asText();
                refreshToken = tokens.path("refresh_token").asText();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
