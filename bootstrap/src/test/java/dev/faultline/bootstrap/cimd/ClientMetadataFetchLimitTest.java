package dev.faultline.bootstrap.cimd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.http.OAuthClient;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limit on metadata-document fetches per client address, at its edge over real HTTP: with
 * {@code maxFetchesPerAddress: 3}, an address's first three new client ID URLs are fetched, the fourth gets a
 * local 429 page with Retry-After and is not fetched, a document already cached is still served, and another
 * address still fetches. Addresses come from X-Forwarded-For ({@code registration.trustForwardedFor}), as for
 * the sign-in limit.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientMetadataFetchLimitTest {
    static final TrustedDocuments DOCUMENTS = new TrustedDocuments();
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            DOCUMENTS.faultlineSettings(ConfigOverride.config("clientMetadata.maxFetchesPerAddress", "3"),
                    ConfigOverride.config("clientMetadata.fetchWindow", "10m"),
                    ConfigOverride.config("registration.trustForwardedFor", "true")));
    static final String CALLBACK = "https://claude.ai/api/mcp/auth_callback";

    final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopDocuments() {
        DOCUMENTS.close();
    }

    static String client(String path) {
        return DOCUMENTS.publish(path, "\"client_name\":\"Claude\",\"redirect_uris\":[\"" + CALLBACK + "\"],"
                + "\"token_endpoint_auth_method\":\"none\"");
    }

    HttpResponse<String> authorize(String clientId, String from) throws IOException, InterruptedException {
        String url = OAuthClient.authorizationUrl(APP.getConfiguration().getPublicBaseUrl(), clientId, CALLBACK,
                "mcp:read", "s-1");
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-For", from).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A valid client at /authorize, not signed in: on to the sign-in page. */
    static void acceptedAsAClient(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/login?return_to=");
    }

    @Test
    void an_address_gets_three_fetches_then_a_429_page_while_cached_documents_and_other_addresses_still_work()
            throws Exception {
        String first = client("/limit/one");
        String second = client("/limit/two");
        String third = client("/limit/three");
        String fourth = client("/limit/four");
        String attacker = "203.0.113.7";

        for (String clientId : new String[] {first, second, third}) {
            acceptedAsAClient(authorize(clientId, attacker));
        }
        HttpResponse<String> refused = authorize(fourth, attacker);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(refused.body()).contains("was not fetched: too many documents were fetched for your network"
                + " address (at most 3 per 10 minutes)");
        assertThat(DOCUMENTS.fetchesOf(fourth)).isZero();

        acceptedAsAClient(authorize(first, attacker));
        assertThat(DOCUMENTS.fetchesOf(first)).isEqualTo(1);

        acceptedAsAClient(authorize(fourth, "203.0.113.8"));
        assertThat(DOCUMENTS.fetchesOf(fourth)).isEqualTo(1);
    }
}
