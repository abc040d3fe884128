package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.domain.access.PkceChallenge;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole OAuth dance over real HTTP against the real server and database, with a plain Java client:
 * discover → register → authorize (sign in, consent, approve) → token → refresh → refresh → revoke.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OAuthDanceTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String EMAIL = "dana@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String REDIRECT = "http://127.0.0.1:53682/callback";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> transcript = new ArrayList<>();

    @BeforeAll
    static void aPersonWithAnAccount() {
        ((FaultlineApplication) APP.getApplication()).faultline().account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Dana", PASSWORD));
    }

    @Test
    void discover_register_authorize_token_refresh_refresh_revoke() throws Exception {
        String issuer = APP.getConfiguration().getPublicBaseUrl();

        JsonNode metadata = getJson(issuer + "/.well-known/oauth-authorization-server");
        assertThat(metadata.path("issuer").asText()).isEqualTo(issuer);

        HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(metadata.path("registration_endpoint").asText()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"client_name":"Dance test","redirect_uris":["%s"],"token_endpoint_auth_method":"none",
                         "grant_types":["authorization_code","refresh_token"],"response_types":["code"]}""".formatted(REDIRECT)))
                .build());
        assertThat(registered.statusCode()).isEqualTo(201);
        String clientId = json.readTree(registered.body()).path("client_id").asText();

        String authorize = metadata.path("authorization_endpoint").asText() + "?" + Http.form(Map.of(
                "response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT, "scope", "mcp:read",
                "state", "dance-1", "code_challenge", PkceChallenge.derivedFrom(VERIFIER).value(),
                "code_challenge_method", "S256", "resource", issuer + "/mcp"));
        Browser browser = new Browser();
        URI back = browser.follow(authorize, issuer, Browser.signInAndApprove(EMAIL, PASSWORD, null));
        transcript.addAll(browser.transcript());
        Map<String, String> callback = Http.query(back);
        assertThat(back.toString()).startsWith(REDIRECT);
        assertThat(callback).containsEntry("state", "dance-1").containsEntry("iss", issuer).containsKey("code");

        String token = metadata.path("token_endpoint").asText();
        HttpResponse<String> issued = postForm(token, Map.of("grant_type", "authorization_code", "code",
                callback.get("code"), "redirect_uri", REDIRECT, "code_verifier", VERIFIER, "client_id", clientId,
                "resource", issuer + "/mcp"));
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode tokens = json.readTree(issued.body());
        assertThat(tokens.path("token_type").asText()).isEqualToIgnoringCase("Bearer");
        assertThat(tokens.path("scope").asText()).isEqualTo("mcp:read");

        String refresh = tokens.path("refresh_token").asText();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refreshed = postForm(token, Map.of("grant_type", "refresh_token",
                    "refresh_token", refresh, "client_id", clientId));
            assertThat(refreshed.statusCode()).isEqualTo(200);
            String next = json.readTree(refreshed.body()).path("refresh_token").asText();
            assertThat(next).isNotEqualTo(refresh);
            refresh = next;
        }

        HttpResponse<String> revoked = postForm(metadata.path("revocation_endpoint").asText(),
                Map.of("token", refresh, "token_type_hint", "refresh_token", "client_id", clientId));
        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> afterRevocation = postForm(token, Map.of("grant_type", "refresh_token",
                "refresh_token", refresh, "client_id", clientId));
        assertThat(afterRevocation.statusCode()).isEqualTo(400);
        assertThat(json.readTree(afterRevocation.body()).path("error").asText()).isEqualTo("invalid_grant");

        System.out.println("OAuth dance transcript:\n  " + String.join("\n  ", transcript));
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> postForm(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            transcript.add(request.method() + " " + Browser.masked(request.uri()) + " -> " + response.statusCode());
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
