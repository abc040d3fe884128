package dev.faultline.bootstrap.cimd;

import dev.faultline.adapters.clientmetadata.testing.DocumentServer;
import dev.faultline.adapters.clientmetadata.testing.DocumentServer.Answer;
import dev.faultline.adapters.clientmetadata.testing.TestTls;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Client ID Metadata Documents served over real TLS by a local HTTPS server whose throw-away CA a test Faultline
 * trusts only through test configuration ({@code clientMetadata.trustStore}), with loopback fetching allowed by
 * the test-only setting.
 */
final class TrustedDocuments implements AutoCloseable {
    private final TestTls tls = TestTls.generate();
    final DocumentServer server = new DocumentServer(tls);
    private final Path trustStore = trustStoreFile(tls);

    private static Path trustStoreFile(TestTls tls) {
        try {
            Path file = Files.createTempFile("faultline-test-ca", ".p12");
            file.toFile().deleteOnExit();
            return tls.writeTrustStore(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that let Faultline fetch from {@link #server}, then {@code more}. */
    ConfigOverride[] faultlineSettings(ConfigOverride... more) {
        List<ConfigOverride> settings = new ArrayList<>(List.of(
                ConfigOverride.config("clientMetadata.allowLoopbackForTests", "true"),
                ConfigOverride.config("clientMetadata.trustStore", trustStore.toString()),
                ConfigOverride.config("clientMetadata.trustStorePassword", TestTls.trustStorePassword())));
        settings.addAll(List.of(more));
        return settings.toArray(ConfigOverride[]::new);
    }

    /** Serves a document at {@code path} whose client_id is its own URL; returns that URL. */
    String publish(String path, String membersAfterClientId) {
        String url = server.url(path);
        server.serve(path, Answer.json("{\"client_id\":\"" + url + "\"," + membersAfterClientId + "}"));
        return url;
    }

    /** How many times {@code url} was fetched. */
    long fetchesOf(String url) {
        return server.seen().stream().filter(seen -> url.endsWith(seen.path())).count();
    }

    @Override
    public void close() {
        server.close();
    }
}
