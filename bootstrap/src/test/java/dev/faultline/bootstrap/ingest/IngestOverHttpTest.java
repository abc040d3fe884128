package dev.faultline.bootstrap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.intake.port.in.Requester;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Sentry ingest surface on the running server, with the real filters and servlet container: the captured
 * requests of three real SDKs (Node chunked without a Content-Type, Java gzip and brotli with X-Sentry-Auth, Python's
 * legacy store) are stored and grouped; refusals are precise and store nothing; the framework never answers for
 * the surface (no 415 for an odd Content-Type, CORS on every answer, 404/405 in the protocol's shape).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IngestOverHttpTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server();
    /** The SDK captures of the ingest adapter's golden tests (made with key "publickey", project 1). */
    static final Path CAPTURES = Path.of("..", "adapters", "ingest", "src", "test", "resources", "dev", "faultline",
            "adapters", "ingest", "protocol", "captures");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Application shop;
    private static String key;
    private static String ingestId;

    @BeforeAll
    static void anApplicationWithItsDefaultKey() {
        Faultline faultline = faultline();
        UserId owner = faultline.account().createUser().createUser(CreateUser.Command.of("owner@ingest.example",
                "Owner", "correct horse battery")).fold(CreateUser.Outcome.Created::userId, t -> null);
        shop = faultline.tracker().createApplication().createApplication(new CreateApplication.Command(
                Actor.person(owner), "Ingest shop", new ApplicationSlug("ingest-shop"), new Platform("node")))
                .fold(r -> null, CreateApplication.Outcome.Created::application, t -> null, u -> null);
        GetIngestSetup.IngestSetup setup = faultline.intake().getIngestSetup().getIngestSetup(
                new GetIngestSetup.Command(Requester.operator(), ApplicationReference.to(shop.id())))
                .fold(r -> null, GetIngestSetup.Outcome.Found::setup, n -> null);
        key = setup.keys().get(0).key().key().value();
        ingestId = setup.ingestId().toString();
    }

    private static Faultline faultline() {
        return ((FaultlineApplication) APP.getApplication()).faultline();
    }

    private static byte[] capture(String name) {
        try {
            return Files.readAllBytes(CAPTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A capture's body for this test's application: its key and project instead of the capture's. */
    private static byte[] ours(byte[] captured) {
        return new String(captured, StandardCharsets.UTF_8).replace("publickey", key)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + APP.getLocalPort() + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) {
        return faultline().database().jdbi().withHandle(h -> h.createQuery(sql).bind("app", shop.id().value())
                .mapTo(Long.class).one());
    }

    private static long events() {
        return count("SELECT count(*) FROM events e JOIN issues i ON i.id = e.issue_id WHERE i.application_id = :app");
    }

    @Test
    void the_node_sdks_chunked_envelope_without_a_content_type_is_stored_and_grouped() {
        byte[] body = ours(capture("node-3-event.envelope"));
        long before = events();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/" + ingestId
                + "/envelope/?sentry_version=7&sentry_key=" + key
                + "&sentry_client=sentry.javascript.node%2F11.12.0"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"id\":\"[0-9a-f]{32}\"}");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.headers().firstValue("X-Sentry-Rate-Limits").orElseThrow()).contains(":unsupported");
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void the_java_sdks_gzip_envelope_and_the_same_event_in_brotli_are_one_event_counted_once() throws IOException {
        byte[] gz = gzip(ours(capture("java-1.envelope")));
        long before = events();
        HttpResponse<String> gzipped = send(HttpRequest.newBuilder(uri("/api/" + ingestId + "/envelope/"))
                .header("X-Sentry-Auth", "Sentry sentry_version=7,sentry_client=sentry.java/8.64.0,sentry_key=" + key)
                .header("Content-Type", "application/x-sentry-envelope").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz)).build());
        assertThat(gzipped.statusCode()).as(gzipped.body()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);

        byte[] brotli = capture("java-1.envelope.br"); // the capture's own bytes: key "publickey" inside, unused
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/api/" + ingestId + "/envelope/"))
                .header("X-Sentry-Auth", "Sentry sentry_key=" + key).header("Content-Encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofByteArray(brotli)).build());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(gzipped.body());
        assertThat(events()).as("a repeated event_id counts nothing").isEqualTo(before + 1);
    }

    @Test
    void pythons_legacy_store_body_is_stored_whatever_its_content_type() {
        long before = events();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/" + ingestId + "/store"))
                .header("X-Sentry-Auth", "Sentry sentry_key=" + key + ", sentry_version=7, sentry_client=sentry.python/1.9.10")
                .header("Content-Type", ";;; not a media type").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(capture("python-1.json")))).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void a_wrong_key_an_unknown_project_and_no_key_are_403_and_store_nothing() {
        long before = events();
        for (String target : new String[] {"/api/" + ingestId + "/envelope/?sentry_key=" + "f".repeat(32),
                "/api/999999/envelope/?sentry_key=" + key, "/api/" + ingestId + "/envelope/"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(target))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ours(capture("node-3-event.envelope")))).build());
            assertThat(response.statusCode()).as(target).isEqualTo(403);
            assertThat(response.headers().firstValue("X-Sentry-Error")).as(target).isPresent();
            assertThat(response.body()).as(target).startsWith("{\"detail\":");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_decompression_bomb_is_413_and_an_unknown_encoding_415_both_storing_nothing() {
        long before = events();
        byte[] header = "{}\n{\"type\":\"attachment\",\"length\":67108864}\n".getBytes(StandardCharsets.UTF_8);
        byte[] envelope = java.util.Arrays.copyOf(header, header.length + 64 * 1024 * 1024);
        byte[] bomb = gzip(envelope);
        assertThat(bomb.length).as("far below the limit on the wire").isLessThan(1024 * 1024);
        HttpResponse<String> bombed = send(HttpRequest.newBuilder(uri("/api/" + ingestId + "/envelope/?sentry_key="
                + key)).header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build());
        assertThat(bombed.statusCode()).isEqualTo(413);
        // Jetty inflates gzip request bodies before any servlet sees them (deflate and br are ingest's own); the
        // limit counts the inflated bytes either way
        assertThat(bombed.headers().firstValue("X-Sentry-Error").orElseThrow())
                .contains("larger than the limit of 20971520 bytes");

        HttpResponse<String> zstd = send(HttpRequest.newBuilder(uri("/api/" + ingestId + "/envelope/?sentry_key="
                + key)).header("Content-Encoding", "zstd").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8]))
                .build());
        assertThat(zstd.statusCode()).isEqualTo(415);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void preflight_wrong_methods_and_other_endpoints_are_answered_in_the_protocols_shape() {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/" + ingestId + "/envelope/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("POST, OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("X-Sentry-Auth").contains("Content-Encoding");

        HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/api/" + ingestId + "/store/")).GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST, OPTIONS");

        HttpResponse<String> minidump = send(HttpRequest.newBuilder(uri("/api/" + ingestId + "/minidump/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(minidump.statusCode()).isEqualTo(404);
        assertThat(minidump.headers().firstValue("X-Sentry-Error")).isPresent();
    }

    @Test
    void a_body_declared_beyond_the_limit_is_refused_at_once_and_the_connection_closed() throws IOException {
        try (Socket socket = new Socket("localhost", APP.getLocalPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("POST /api/" + ingestId + "/envelope/?sentry_key=" + key + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Length: " + (1L << 30) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // read to the end: only a closed connection ends the stream before the socket's timeout
            String head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 413 ");
            assertThat(head.toLowerCase(Locale.ROOT)).contains("connection: close");
        }
    }

    @Test
    void the_captures_are_where_this_test_reads_them() {
        assertThat(Base64.getMimeDecoder().decode(capture("java-1.body.gz.base64"))).isNotEmpty();
    }
}
