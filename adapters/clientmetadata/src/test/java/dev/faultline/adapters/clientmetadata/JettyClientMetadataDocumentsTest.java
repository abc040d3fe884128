package dev.faultline.adapters.clientmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.clientmetadata.testing.DocumentServer;
import dev.faultline.adapters.clientmetadata.testing.DocumentServer.Answer;
import dev.faultline.adapters.clientmetadata.testing.TestTls;
import dev.faultline.application.access.port.out.ClientMetadataDocuments.Fetch;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ClientIdMetadataDocument;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Over real sockets and real TLS, against a local HTTPS server whose CA only these settings trust. */
class JettyClientMetadataDocumentsTest {
    static final int MAX_BYTES = 5 * 1024;
    static TestTls tls;
    static DocumentServer server;
    static JettyClientMetadataDocuments fetcher;

    @BeforeAll
    static void start() {
        tls = TestTls.generate();
        server = new DocumentServer(tls);
        fetcher = new JettyClientMetadataDocuments(
                new FetchSettings(Duration.ofSeconds(5), MAX_BYTES, Optional.of(tls.trustStore()), true));
    }

    @AfterAll
    static void stop() throws Exception {
        fetcher.close();
        server.close();
    }

    static String vscodeShaped(String url) {
        return """
                {"client_id":"%s","client_name":"Visual Studio Code","client_uri":"https://code.visualstudio.com",
                 "redirect_uris":["http://127.0.0.1:33418","https://vscode.dev/redirect"],
                 "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
                 "token_endpoint_auth_method":"none","application_type":"native"}""".formatted(url);
    }

    ClientId serve(String path, Answer answer) {
        server.serve(path, answer);
        return new ClientId(server.url(path));
    }

    static String failure(Fetch fetch) {
        assertThat(fetch).isInstanceOf(Fetch.Failed.class);
        return ((Fetch.Failed) fetch).reason();
    }

    @Test
    void a_document_is_fetched_with_accept_json_and_its_cache_control_read() {
        ClientId url = serve("/vscode/client-metadata.json", Answer.json(vscodeShaped(server.url(
                "/vscode/client-metadata.json"))).withHeader("Cache-Control", "public, max-age=3600"));

        Fetch fetch = fetcher.fetch(url);

        assertThat(fetch).isInstanceOf(Fetch.Fetched.class);
        Fetch.Fetched fetched = (Fetch.Fetched) fetch;
        assertThat(fetched.freshness().maxAge()).contains(Duration.ofHours(1));
        assertThat(fetched.document().validate(url)).isInstanceOf(ClientIdMetadataDocument.Validation.Valid.class);
        assertThat(server.seen()).contains(new DocumentServer.Seen("/vscode/client-metadata.json",
                "application/json"));
    }

    @Test
    void a_redirect_is_not_followed() {
        serve("/moved-target", Answer.json(vscodeShaped(server.url("/moved"))));
        ClientId url = serve("/moved", new Answer(302, Map.of("Location", server.url("/moved-target")),
                new byte[0]));

        assertThat(failure(fetcher.fetch(url))).contains("HTTP 302").contains("redirects are not followed");
        assertThat(server.seen()).extracting(DocumentServer.Seen::path).doesNotContain("/moved-target");
    }

    @Test
    void only_200_counts() {
        ClientId url = serve("/gone", new Answer(404, Map.of(), new byte[0]));
        assertThat(failure(fetcher.fetch(url))).contains("HTTP 404");
    }

    @Test
    void a_body_over_the_cap_is_refused_and_one_at_the_cap_is_read() {
        String padded = vscodeShaped(server.url("/big"));
        String atCap = padded.substring(0, padded.length() - 1) + ",\"x\":\""
                + "a".repeat(MAX_BYTES - padded.length() - 7) + "\"}";
        assertThat(atCap).hasSize(MAX_BYTES);
        ClientId url = serve("/big", Answer.json(atCap));
        assertThat(fetcher.fetch(url)).isInstanceOf(Fetch.Fetched.class);

        serve("/big", Answer.json(atCap + " "));
        assertThat(failure(fetcher.fetch(url))).contains("larger than " + MAX_BYTES + " bytes");
    }

    @Test
    void non_json_is_refused() {
        ClientId url = serve("/html", new Answer(200, Map.of("Content-Type", "text/html"),
                "<html>hello</html>".getBytes()));
        assertThat(failure(fetcher.fetch(url))).contains("not valid JSON");
        ClientId array = serve("/array", Answer.json("[1,2]"));
        assertThat(failure(fetcher.fetch(array))).contains("not a JSON object");
        ClientId wrongType = serve("/wrong", Answer.json("{\"client_id\":\"x\",\"redirect_uris\":\"https://a/b\"}"));
        assertThat(failure(fetcher.fetch(wrongType))).contains("redirect_uris must be an array");
    }

    @Test
    void secrets_and_private_keys_are_reported_for_the_domain_to_refuse() {
        String url = server.url("/secret");
        ClientId id = serve("/secret", Answer.json(vscodeShaped(url).replace("\"client_name\"",
                "\"client_secret\":\"s3cret\",\"jwks\":{\"keys\":[{\"kty\":\"EC\",\"d\":\"x\"}]},\"client_name\"")));
        Fetch.Fetched fetched = (Fetch.Fetched) fetcher.fetch(id);
        assertThat(fetched.document().hasClientSecret()).isTrue();
        assertThat(fetched.document().jwkMemberNames()).contains("d");
    }

    @Test
    void loopback_is_refused_over_real_sockets_unless_the_test_relaxation_is_on() throws Exception {
        ClientId url = serve("/strict", Answer.json(vscodeShaped(server.url("/strict"))));
        try (JettyClientMetadataDocuments strict = new JettyClientMetadataDocuments(
                new FetchSettings(Duration.ofSeconds(5), MAX_BYTES, Optional.of(tls.trustStore()), false))) {
            assertThat(failure(strict.fetch(url))).contains("is a loopback address");
        }
        assertThat(server.seen()).extracting(DocumentServer.Seen::path).doesNotContain("/strict");
    }

    @Test
    void a_server_whose_ca_is_not_trusted_is_refused() throws Exception {
        ClientId url = serve("/untrusted", Answer.json(vscodeShaped(server.url("/untrusted"))));
        try (JettyClientMetadataDocuments jdkTrust = new JettyClientMetadataDocuments(
                new FetchSettings(Duration.ofSeconds(5), MAX_BYTES, Optional.empty(), true))) {
            assertThat(failure(jdkTrust.fetch(url))).contains("trusted TLS connection");
        }
    }

    @Test
    void cache_control_is_translated() {
        assertThat(DocumentReader.freshness(null).maxAge()).isEmpty();
        assertThat(DocumentReader.freshness("max-age=600").maxAge()).contains(Duration.ofMinutes(10));
        assertThat(DocumentReader.freshness("no-store").noStore()).isTrue();
        assertThat(DocumentReader.freshness("no-cache, max-age=5").noStore()).isTrue();
        assertThat(DocumentReader.freshness("max-age=abc").maxAge()).isEmpty();
        assertThat(DocumentReader.freshness("s-maxage=60").maxAge()).isEmpty();
    }
}
