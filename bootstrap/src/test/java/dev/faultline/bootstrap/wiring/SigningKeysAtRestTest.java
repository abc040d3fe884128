package dev.faultline.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.adapters.crypto.SigningKey;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing keys are encrypted at rest with a key that is not in the database: a database reader cannot mint
 * tokens. Keys stored in clear by an earlier version are encrypted at the next start; a missing or wrong key
 * refuses to start with one line and changes nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SigningKeysAtRestTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void no_row_of_the_running_servers_signing_keys_holds_a_private_key_in_clear() throws Exception {
        FaultlineApplication application = (FaultlineApplication) APP.getApplication();
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(APP.getConfiguration().getPublicBaseUrl() + "/mcp/oauth/jwks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String kid = JSON.readTree(jwks.body()).path("keys").get(0).path("kid").asText();
        String privatePart = privatePartOf(application.faultline().signingKeys().get().active());

        List<String> rows = rows(application.faultline().database().jdbi());

        assertThat(rows).isNotEmpty().anySatisfy(row -> assertThat(row).contains(kid));
        assertThat(rows).allSatisfy(row -> assertThat(row).contains("aes256gcm:v1:").doesNotContain("\"d\"")
                .doesNotContain(privatePart));
    }

    private static List<String> rows(org.jdbi.v3.core.Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT t::text FROM signing_keys t ORDER BY key_id")
                .mapTo(String.class).list());
    }

    private static String privatePartOf(SigningKey key) throws Exception {
        JsonNode jwk = JSON.readTree(key.toPrivateJwkJson());
        String d = jwk.path("d").asText();
        assertThat(d).as("the private scalar of a P-256 key, or exponent of an RSA key").hasSizeGreaterThanOrEqualTo(43);
        return d;
    }
}
