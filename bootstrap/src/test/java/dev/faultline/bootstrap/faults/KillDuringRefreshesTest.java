package dev.faultline.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.database.EmbeddedDatabase;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Fault: the server is killed with {@code kill -9} while clients refresh their tokens as fast as they can, and is
 * started again on the same data. Whatever request each client had in flight, every grant comes back with exactly
 * one live refresh token and nothing half-written, and each client's last received refresh token tells it where it
 * stands with a 200 or a documented {@code 400 invalid_grant}, never a 500:
 * <ul>
 *   <li>the kill came before its last rotation committed: the chain is still at the client's token, which works;</li>
 *   <li>the rotation committed but the answer was lost with the kill: the chain is one generation ahead, and the
 *       client's token is an earlier one of the chain. With strict rotation, which this test configures
 *       ({@code access.refreshReuseGrace: 0s}, so that the restart's duration cannot matter), presenting it is reuse: {@code invalid_grant} and the chain is
 *       revoked ({@code REFRESH_REUSE}), so the client signs in again. This is the documented price of strictness.</li>
 * </ul>
 * A fifth client loses the answer to one refresh for certain (it drops it just before the kill), so the second case
 * is checked on every run, not only when the kill happens to land between a commit and its answer.
 *
 * <p>The server runs in a child JVM (as {@code java -jar faultline.jar server} does) so that it can really be
 * killed; its embedded PostgreSQL survives the kill as an orphan, which the restart (in this JVM, same data
 * directory, same address) stops first.
 */
class KillDuringRefreshesTest {
    private static final int CLIENTS = 4;
    /** The kill waits until every client has refreshed this often, so that it lands in the middle of a burst. */
    private static final int REFRESHES_BEFORE_THE_KILL = 5;
    private static final long FAILURE_TIMEOUT_SECONDS = 60;
    private static final String READY = "Faultline is running.";
    private static final String SERVER_ERRORS = "io.dropwizard.jersey.errors.LoggingExceptionMapper";
    private static final String REUSED =
            "refresh token was already used; the whole session has been revoked, sign in again";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void after_a_kill_during_refreshes_every_grant_has_one_live_refresh_token_and_each_client_learns_where_it_stands() throws Exception {
        Path data = TestFaultline.temporaryDirectory("kill");
        int port = aPortNoOutgoingConnectionTakes();
        String base = "http://localhost:" + port;
        Path config = configFile(data, port, base);
        ChildServer child = ChildServer.start(config);
        DropwizardTestSupport<FaultlineConfiguration> restarted = null;
        ListAppender<ILoggingEvent> serverErrors = capture(SERVER_ERRORS);
        try {
            List<Holder> holders = grantsMadeBesideTheServer(data, base, CLIENTS + 1);
            Holder forgetful = holders.remove(CLIENTS);

            List<Holder.Run> runs = refreshUntilKilled(holders, base, child, () -> forgetful.refreshAndLoseTheAnswer(base));
            runs.add(forgetful.heldAtTheKill());
            assertThat(child.output()).as("the killed server's log").doesNotContain("ERROR");

            restarted = new DropwizardTestSupport<>(FaultlineApplication.class, config.toString());
            restarted.before();
            Jdbi jdbi = ((FaultlineApplication) restarted.getApplication()).faultline().database().jdbi();

            assertThat(ChainRows.halfWritten(jdbi)).as("chains half-written or revoked by the kill").isZero();
            Wire wire = new Wire(base);
            for (Holder.Run run : runs) {
                assertWhereItStands(run, jdbi, wire);
            }
            ChainRows.Chain lost = ChainRows.issuerOf(jdbi, forgetful.heldAtTheKill().lastReceived());
            assertThat(lost.revocationReason()).as("the chain whose answer was lost for sure").contains("REFRESH_REUSE");
            assertThat(serverErrors.list).as("no request failed as a bug after the restart").isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(SERVER_ERRORS)).detachAppender(serverErrors);
            child.kill();
            if (restarted != null) {
                restarted.after();
            } else {
                stopTheOrphanedDatabase(data);
            }
        }
    }

    /**
     * The chain of the client's last received token must be at that token, or one rotation ahead (the rotation
     * committed, its answer was lost); presenting the token then answers 200, or 400 invalid_grant as reuse.
     */
    private void assertWhereItStands(Holder.Run run, Jdbi jdbi, Wire wire) throws IOException {
        ChainRows.Chain before = ChainRows.issuerOf(jdbi, run.lastReceived());
        assertThat(before.hasExactlyOneCurrentRefreshToken()).as("one live refresh token: %s", before).isTrue();
        assertThat(before.revocationReason()).as("revoked by the kill: %s", before).isEmpty();
        assertThat(before.tokenGeneration()).as("the client's last token is the one it counted").isEqualTo(run.received());
        if (run.endedBy() instanceof ConnectException) {
            assertThat(before.generation()).as("a refresh that never reached the server changed nothing")
                    .isEqualTo(before.tokenGeneration());
        } else {
            assertThat(before.generation()).as("at the client's token, or one rotation it never heard of")
                    .isBetween(before.tokenGeneration(), before.tokenGeneration() + 1);
        }

        HttpResponse<String> answer = wire.refresh(run.clientId(), run.lastReceived());

        ChainRows.Chain after = ChainRows.issuerOf(jdbi, run.lastReceived());
        if (before.generation() == before.tokenGeneration()) {
            assertThat(answer.statusCode()).as("its token is still the current one: %s", errorOf(answer)).isEqualTo(200);
            assertThat(after.generation()).isEqualTo(before.generation() + 1);
            assertThat(after.revocationReason()).isEmpty();
            String next = json.readTree(answer.body()).path("refresh_token").asText();
            assertThat(ChainRows.issuerOf(jdbi, next).tokenGeneration()).isEqualTo(after.generation());
            assertThat(wire.refresh(run.clientId(), next).statusCode()).as("and the chain goes on").isEqualTo(200);
        } else {
            assertThat(answer.statusCode()).as("its token was rotated, the answer lost: %s", errorOf(answer)).isEqualTo(400);
            JsonNode error = json.readTree(answer.body());
            assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
            assertThat(error.path("error_description").asText()).isEqualTo(REUSED);
            assertThat(after.revocationReason()).as("strict rotation: reuse revokes the chain").contains("REFRESH_REUSE");
            assertThat(after.generation()).as("nothing is issued on reuse").isEqualTo(before.generation());
        }
        assertThat(after.hasExactlyOneCurrentRefreshToken()).as("one live refresh token: %s", after).isTrue();
    }

    /** A response body fit for a failure message: an error, never the tokens of a 200. */
    private static String errorOf(HttpResponse<String> answer) {
        return answer.statusCode() == 200 ? "200 with tokens" : answer.statusCode() + " " + answer.body();
    }

    /**
     * Every client refreshes its own chain in a loop until the server is gone; the server is killed once each has
     * refreshed {@link #REFRESHES_BEFORE_THE_KILL} times (and {@code justBefore} has run). Each run ends with the
     * exception its last request got instead of an answer.
     */
    private List<Holder.Run> refreshUntilKilled(List<Holder> holders, String base, ChildServer child, Runnable justBefore)
            throws Exception {
        CountDownLatch everyoneRefreshed = new CountDownLatch(holders.size());
        AtomicBoolean stop = new AtomicBoolean();
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Holder.Run>> runs = new ArrayList<>();
        for (Holder holder : holders) {
            runs.add(CompletableFuture.supplyAsync(
                    () -> holder.refreshUntilTheServerIsGone(new Wire(base), everyoneRefreshed, stop, unexpected),
                    command -> new Thread(command, "refreshing-" + holder.clientId()).start()));
        }
        boolean killed = false;
        try {
            assertThat(everyoneRefreshed.await(FAILURE_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("every client refreshed before the kill; unexpected: %s", unexpected).isTrue();
            justBefore.run();
            child.kill();
            killed = true;
        } finally {
            if (!killed) {
                stop.set(true); // only when failing: otherwise nothing but the kill ends a client's loop
            }
        }
        List<Holder.Run> ended = new ArrayList<>();
        for (CompletableFuture<Holder.Run> run : runs) {
            ended.add(run.get(FAILURE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        assertThat(unexpected).as("every refresh before the kill was a 200").isEmpty();
        assertThat(ended).as("every client was cut off by the kill")
                .allSatisfy(run -> assertThat(run.endedBy()).isInstanceOf(IOException.class));
        return ended;
    }

    /** A person and {@code count} clients, each with a grant, made through a Faultline sharing the server's database. */
    private static List<Holder> grantsMadeBesideTheServer(Path data, String base, int count) {
        FaultlineConfiguration configuration = new FaultlineConfiguration();
        configuration.setPublicBaseUrl(base);
        configuration.getDatabase().setUrl("embedded");
        configuration.getDatabase().setEmbeddedDataDirectory(data.resolve("postgres").toString());
        // Closed before the kill: its connections would keep the orphan's smart shutdown waiting at the restart.
        try (Faultline beside = Faultline.open(configuration, new MetricRegistry(), EmbeddedDatabase.Sharing.SHARE_A_RUNNING_ONE)) {
            UserId user = Grants.person(beside, "killed@example.com");
            List<Holder> holders = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Client client = Grants.client(beside);
                holders.add(new Holder(client.id().value(), Grants.grant(beside, user, client).refreshToken()));
            }
            return holders;
        }
    }

    /** The test configuration on its own embedded database in {@code data}, at a fixed port kept across the restart. */
    private static Path configFile(Path data, int port, String base) throws IOException {
        String template = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")));
        String yaml = template
                .replace("${TEST_DATABASE_URL:-embedded}", "embedded")
                .replace("${TEST_DATA_DIR:-target/test-data}", data.toString())
                .replace("publicBaseUrl: http://localhost:8080", "publicBaseUrl: " + base)
                .replaceFirst("port: 0", "port: " + port)
                + "access:\n  refreshReuseGrace: 0s\n";
        assertThat(yaml).as("the server's address is fixed").contains("publicBaseUrl: " + base, "port: " + port);
        return Files.writeString(data.resolve("config.yml"), yaml);
    }

    /**
     * The server keeps its port across the restart, so the port must stay free while it is down: a free port below
     * the ephemeral range (Linux 32768+, IANA 49152+), which the connections of everything else running on the
     * machine never take, unlike {@link TestFaultline#freePort()}.
     */
    private static int aPortNoOutgoingConnectionTakes() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (BindException taken) {
                // another one
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    /** When the test fails before the restart, the killed server's PostgreSQL is still running: stop it. */
    private static void stopTheOrphanedDatabase(Path data) {
        if (Files.exists(data.resolve("postgres").resolve("postmaster.pid"))) {
            try {
                EmbeddedDatabase.start(data.resolve("postgres"), 0).close();
            } catch (RuntimeException e) {
                System.err.println("could not stop the killed server's PostgreSQL in " + data + ": " + e);
            }
        }
    }

    private static ListAppender<ILoggingEvent> capture(String loggerName) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
        return appender;
    }

    /** One client holding one chain: the last refresh token it received, and how many it has received. */
    private static final class Holder {
        private final String clientId;
        private final ObjectMapper json = new ObjectMapper();
        private String refreshToken;
        private int received = 1;

        Holder(String clientId, String firstRefreshToken) {
            this.clientId = clientId;
            this.refreshToken = firstRefreshToken;
        }

        String clientId() {
            return clientId;
        }

        /**
         * One refresh whose answer never reaches the client, as when the connection drops after the server
         * committed: the chain rotates, the client keeps the token it had.
         */
        void refreshAndLoseTheAnswer(String base) {
            HttpResponse<String> answer = new Wire(base).refresh(clientId, refreshToken);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }

        Run heldAtTheKill() {
            return new Run(clientId, refreshToken, received, null);
        }

        Run refreshUntilTheServerIsGone(Wire wire, CountDownLatch everyoneRefreshed, AtomicBoolean stop,
                                        Queue<String> unexpected) {
            while (!stop.get()) {
                HttpResponse<String> answer;
                try {
                    answer = wire.refresh(clientId, refreshToken);
                } catch (UncheckedIOException e) {
                    return new Run(clientId, refreshToken, received, e.getCause());
                }
                if (answer.statusCode() != 200) {
                    unexpected.add(answer.statusCode() + " " + answer.body());
                    return new Run(clientId, refreshToken, received, null);
                }
                try {
                    refreshToken = json.readTree(answer.body()).path("refresh_token").asText();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++received == 1 + REFRESHES_BEFORE_THE_KILL) {
                    everyoneRefreshed.countDown();
                }
            }
            return new Run(clientId, refreshToken, received, null);
        }

        /**
         * How a client's refreshing ended.
         *
         * @param lastReceived the last refresh token it received (its first, or the one of its last 200)
         * @param received     how many refresh tokens it received: the generation of {@code lastReceived}
         * @param endedBy      what its last request got instead of an answer (null: it stopped otherwise)
         */
        record Run(String clientId, String lastReceived, int received, Throwable endedBy) {
        }
    }

    /** The Faultline server in a JVM of its own, started as {@code java … FaultlineApplication server config.yml}. */
    private static final class ChildServer {
        private final Process process;
        private final StringBuffer output = new StringBuffer();

        private ChildServer(Process process) {
            this.process = process;
        }

        static ChildServer start(Path config) throws Exception {
            Process process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    FaultlineApplication.class.getName(), "server", config.toString())
                    .redirectErrorStream(true)
                    .start();
            ChildServer child = new ChildServer(process);
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> child.readOutput(ready), "child-server-output");
            reader.setDaemon(true);
            reader.start();
            try {
                assertThat(ready.get(120, TimeUnit.SECONDS)).as("the server started: %s", child.output).isTrue();
            } catch (Exception | AssertionError e) {
                child.kill();
                throw e;
            }
            return child;
        }

        private void readOutput(CompletableFuture<Boolean> ready) {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.contains(READY)) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                output.append(e).append('\n');
            } finally {
                ready.complete(false);
            }
        }

        String output() {
            return output.toString();
        }

        /** {@code kill -9}: no shutdown hook runs, PostgreSQL is left running, connections drop mid-request. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(FAILURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the server died").isTrue();
        }
    }
}
