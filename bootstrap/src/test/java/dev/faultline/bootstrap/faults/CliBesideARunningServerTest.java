package dev.faultline.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault: the operator runs the command line next to a live server, in another process, on the same embedded
 * PostgreSQL. A command works on the server's database and leaves it running; a second server refuses in one
 * line; {@code ./faultline-demo} refuses when its port is taken. The live server keeps answering throughout.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CliBesideARunningServerTest {
    private static final Path DATA = TestFaultline.temporaryDirectory("beside");
    static final DropwizardAppExtension<FaultlineConfiguration> APP =
            TestFaultline.serverOnItsOwnEmbeddedDatabase(DATA, TestFaultline.freePort());
    private static Path config;
    private static Wire wire;

    @BeforeAll
    static void aPersonAndTheSameConfigAsTheServer() throws IOException {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        Grants.person(faultline, "ops@example.com");
        String yaml = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                .replace("${TEST_DATABASE_URL:-embedded}", "embedded")
                .replace("${TEST_DATA_DIR:-target/test-data}", DATA.toString());
        config = Files.writeString(DATA.resolve("config.yml"), yaml);
        wire = new Wire(APP.getConfiguration().getPublicBaseUrl());
    }

    @Test
    void token_create_works_on_the_running_servers_database_and_the_server_keeps_serving() throws Exception {
        long postmaster = postmasterPid();

        Run created = run("token", "create", "--email", "ops@example.com", "--title", "beside", config.toString());

        assertThat(created.exitCode()).as(created.output()).isZero();
        Matcher token = Pattern.compile("flt_pat_\\S+").matcher(created.output());
        assertThat(token.find()).as(created.output()).isTrue();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the server's PostgreSQL").contains(true);
        assertThat(wire.listApplications(token.group()).statusCode()).as("the new token on the live server").isEqualTo(200);
        assertThat(wire.refresh("no-such-client", "no-such-token").statusCode()).as("a token request").isEqualTo(401);
    }

    @Test
    void key_create_beside_the_server_gives_a_key_the_live_server_accepts_at_once() throws Exception {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        dev.faultline.domain.account.UserId owner = Grants.person(faultline, "keys-owner@example.com");
        dev.faultline.domain.tracker.Application app = faultline.tracker().createApplication().createApplication(
                new dev.faultline.application.tracker.port.in.CreateApplication.Command(
                        dev.faultline.domain.tracker.Actor.person(owner), "Beside", new dev.faultline.domain.tracker
                        .ApplicationSlug("beside"), new dev.faultline.domain.tracker.Platform("node")))
                .fold(r -> null, c -> c.application(), t -> null, u -> null);

        Run created = run("key", "create", "--application", "beside", "--label", "From the shell", config.toString());

        assertThat(created.exitCode()).as(created.output()).isZero();
        Matcher dsn = Pattern.compile("DSN: https?://([0-9a-f]{32})@[^/]+/([0-9]+)").matcher(created.output());
        assertThat(dsn.find()).as(created.output()).isTrue();
        assertThat(faultline.intake().authenticateIngestKey().authenticate(
                new dev.faultline.domain.intake.IngestId(Long.parseLong(dsn.group(2))), dsn.group(1),
                java.time.Instant.now()).<Object>fold(ok -> ok.source().applicationId(), p -> p, k -> k, d -> d))
                .as("the live server knows the new key").isEqualTo(app.id());
    }

    @Test
    void a_second_server_on_the_same_data_refuses_in_one_line_and_changes_nothing() throws Exception {
        long postmaster = postmasterPid();

        Run second = run("server", config.toString());

        assertThat(second.exitCode()).isNotZero();
        assertThat(second.errorLines()).as(second.output()).containsExactly("error: Faultline is running already on "
                + DATA.resolve("postgres") + " (its PostgreSQL, pid " + postmaster + ", listens on port "
                + APP.getConfiguration().getDatabase().getEmbeddedPort() + "); stop it first");
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
        assertThat(postmasterPid()).isEqualTo(postmaster);
        assertThat(wire.refresh("no-such-client", "no-such-token").statusCode()).isEqualTo(401);
    }

    @Test
    void the_demo_script_started_twice_refuses_in_one_line_before_touching_anything() throws Exception {
        try (ServerSocket running = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ProcessBuilder demo = new ProcessBuilder("bash", Path.of("..", "faultline-demo").toString());
            demo.environment().put("FAULTLINE_PORT", String.valueOf(running.getLocalPort()));
            Run second = collect(demo);

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.output()).isEqualTo("error: port " + running.getLocalPort()
                    + " is in use (is Faultline running already?); stop it first or set FAULTLINE_PORT\n");
        }
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(DATA.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /** The command line in its own JVM, as {@code java -jar} runs it. */
    private static Run run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FaultlineApplication.class.getName()));
        command.addAll(List.of(arguments));
        return collect(new ProcessBuilder(command));
    }

    private static Run collect(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
        List<String> errorLines() {
            return output.lines().filter(line -> line.startsWith("error:") || line.contains("Exception")).toList();
        }
    }
}
