package dev.faultline.bootstrap.cimd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.adapters.clientmetadata.testing.DocumentServer.Answer;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.http.Browser;
import dev.faultline.bootstrap.http.Http;
import dev.faultline.bootstrap.http.OAuthClient;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Client ID Metadata Documents end to end over real HTTP and real TLS: Faultline fetches each client's document
 * from a local HTTPS server whose throw-away CA it trusts only through test configuration
 * ({@code clientMetadata.trustStore}), with loopback fetching allowed by the test-only setting. Fixtures are
 * shaped like the public documents of VS Code, Claude Code and claude.ai.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientIdMetadataDocumentsTest {
    static final String EMAIL = "cora@example.com";
    static final String PASSWORD = "correct horse battery staple";
    static final String VERIFIER = OAuthClient.VERIFIER;
    static final TrustedDocuments DOCUMENTS = new TrustedDocuments();

    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            DOCUMENTS.faultlineSettings());

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void aPerson() {
        ((FaultlineApplication) APP.getApplication()).faultline().account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Cora", PASSWORD));
    }

    @AfterAll
    static void stopDocuments() {
        DOCUMENTS.close();
    }

    static String issuer() {
        return APP.getConfiguration().getPublicBaseUrl();
    }

    /** Serves a document at {@code path} whose client_id is its own URL; returns that URL. */
    static String publish(String path, String membersAfterClientId) {
        return DOCUMENTS.publish(path, membersAfterClientId);
    }

    static String vscode(String path) {
        return publish(path, """
                "client_name":"Visual Studio Code","client_uri":"https://code.visualstudio.com",
                "redirect_uris":["http://127.0.0.1:33418","https://vscode.dev/redirect"],
                "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
                "token_endpoint_auth_method":"none",
                "application_type":"native\"""");
    }

    static String claudeCode(String path) {
        return publish(path, """
                "client_name":"Claude Code","client_uri":"https://claude.ai",
                "redirect_uris":["http://localhost/callback","http://127.0.0.1/callback"],
                "grant_types":["authorization_code"],"response_types":["code"],
                "token_endpoint_auth_method":"none\"""");
    }

    static String claudeAi(String path) {
        return publish(path, """
                "client_name":"Claude","redirect_uris":["https://claude.ai/api/mcp/auth_callback"],
                "grant_types":["authorization_code","refresh_token"],"token_endpoint_auth_method":"none\"""");
    }

    String authorizeUrl(String clientId, String redirectUri, String scope) {
        return OAuthClient.authorizationUrl(issuer(), clientId, redirectUri, scope, "s-1");
    }

    /** The client identified by {@code clientId}, at the token and revocation endpoints. */
    OAuthClient client(String clientId) {
        return OAuthClient.identifiedBy(issuer(), clientId);
    }

    /**
     * Signs in and approves; returns where the browser was sent. {@code consentPage} gets the whole consent page
     * as the signed-in person sees it for the same request.
     */
    URI approve(Browser browser, String authorize, AtomicReference<String> consentPage) {
        URI back = signInAndApprove(browser, authorize);
        HttpResponse<String> again = browser.get(authorize);
        assertThat(again.statusCode()).isEqualTo(200);
        consentPage.set(again.body());
        return back;
    }

    URI signInAndApprove(Browser browser, String authorize) {
        return browser.follow(authorize, issuer(), Browser.signInAndApprove(EMAIL, PASSWORD, null));
    }

    /** The My Integrations table row of {@code clientId}. */
    static String row(String integrationsPage, String clientId) {
        String start = "<tr data-client-id=\"" + clientId + "\"";
        assertThat(integrationsPage).contains(start);
        String rest = integrationsPage.substring(integrationsPage.indexOf(start));
        return rest.substring(0, rest.indexOf("</tr>"));
    }

    static JsonNode jwtClaims(String jwt) {
        return OAuthClient.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void the_metadata_advertises_documents_beside_the_none_auth_method() throws Exception {
        JsonNode metadata = OAuthClient.json(Http.send(http, HttpRequest.newBuilder(
                URI.create(issuer() + "/.well-known/oauth-authorization-server")).GET().build()).body());
        assertThat(metadata.path("client_id_metadata_document_supported").asBoolean()).isTrue();
        assertThat(metadata.path("token_endpoint_auth_methods_supported").toString()).contains("\"none\"");
    }

    @Test
    void a_vscode_shaped_client_signs_in_gets_tokens_refreshes_calls_a_tool_and_is_listed_and_revoked() {
        String clientId = vscode("/vscode/oauth/client-metadata.json");
        Browser browser = new Browser();
        AtomicReference<String> consent = new AtomicReference<>();
        // VS Code lists http://127.0.0.1:33418 and comes back to http://127.0.0.1:<port>/
        URI back = approve(browser, authorizeUrl(clientId, "http://127.0.0.1:33418/", "mcp:read"), consent);

        assertThat(back.toString()).startsWith("http://127.0.0.1:33418/?");
        assertThat(consent.get()).doesNotContain("Local app.");
        JsonNode tokens = OAuthClient.tokens(client(clientId).exchange(Http.query(back).get("code"),
                "http://127.0.0.1:33418/"));
        assertThat(jwtClaims(tokens.path("access_token").asText()).path("client_id").asText()).isEqualTo(clientId);

        JsonNode refreshed = OAuthClient.tokens(client(clientId).refresh(tokens.path("refresh_token").asText()));
        OAuthClient mcp = OAuthClient.registerPublic(issuer());
        HttpResponse<String> listed = mcp.callTool("/mcp", refreshed.path("access_token").asText(),
                "list_applications", "{}");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);

        OAuthClient.tokens(mcp.exchange(mcp.authorize(browser, EMAIL, PASSWORD, "mcp:read")));
        String integrations = browser.get(issuer() + "/settings/integrations").body();
        assertThat(integrations).contains("data-client-id=\"" + clientId + "\"").contains("Visual Studio Code");
        // The document's host, as on the consent page; a self-registered client keeps its badge and no origin.
        assertThat(row(integrations, clientId)).contains("Identified by <bdi class=\"origin\">localhost</bdi>")
                .doesNotContain("Self-registered");
        assertThat(row(integrations, mcp.clientId())).contains("Self-registered").doesNotContain("Identified by");
        Browser.Form revoke = Browser.forms(integrations).stream()
                .filter(f -> f.action().endsWith("/revoke") && clientId.equals(f.fields().get("client_id")))
                .findFirst().orElseThrow();
        HttpResponse<String> revoked = browser.post(URI.create(issuer()).resolve(revoke.action()).toString(),
                revoke.fields());
        assertThat(revoked.statusCode()).isIn(200, 303);
        assertThat(mcp.callTool("/mcp", refreshed.path("access_token").asText(), "list_applications", "{}")
                .statusCode()).isEqualTo(401);
        assertThat(browser.get(issuer() + "/settings/integrations").body())
                .doesNotContain("data-client-id=\"" + clientId + "\"");
    }

    @Test
    void a_claude_code_shaped_client_on_an_ephemeral_port_is_warned_about_and_may_refresh() {
        String clientId = claudeCode("/claude-code/oauth/claude-code-client-metadata");
        AtomicReference<String> consent = new AtomicReference<>();
        URI back = approve(new Browser(), authorizeUrl(clientId, "http://localhost:54321/callback", "mcp:read"),
                consent);

        assertThat(back.toString()).startsWith("http://localhost:54321/callback?");
        assertThat(consent.get()).contains("Claude Code").contains("Identified by").contains("localhost")
                .contains("Local app.").doesNotContain("Self-registered app.");
        JsonNode tokens = OAuthClient.tokens(client(clientId).exchange(Http.query(back).get("code"),
                "http://localhost:54321/callback"));
        // The document lists only authorization_code; metadata-document clients may refresh all the same.
        HttpResponse<String> refreshed = client(clientId).refresh(tokens.path("refresh_token").asText());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        HttpResponse<String> revoked = client(clientId).revoke(
                OAuthClient.json(refreshed.body()).path("refresh_token").asText());
        assertThat(revoked.statusCode()).isEqualTo(200);
    }

    @Test
    void a_claude_ai_shaped_client_is_sent_to_its_https_callback_and_shows_its_redirect_host() {
        String clientId = claudeAi("/claude-ai/oauth/mcp-oauth-client-metadata");
        AtomicReference<String> consent = new AtomicReference<>();
        URI back = approve(new Browser(),
                authorizeUrl(clientId, "https://claude.ai/api/mcp/auth_callback", "mcp:read mcp:write"), consent);

        assertThat(back.toString()).startsWith("https://claude.ai/api/mcp/auth_callback?");
        assertThat(Http.query(back)).containsKey("code").containsEntry("iss", issuer());
        assertThat(consent.get()).contains("<bdi class=\"host\">claude.ai</bdi>").doesNotContain("Local app.");
    }

    /** What the authorize endpoint answers for a client whose document cannot be used: a local page, 400. */
    String refusedAtAuthorize(String clientId) {
        HttpResponse<String> page = new Browser().get(authorizeUrl(clientId, "https://claude.ai/api/mcp/auth_callback",
                "mcp:read"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        return page.body();
    }

    @Test
    void documents_that_cannot_be_used_get_a_local_error_page_saying_why() {
        String good = "\"client_name\":\"X\",\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"]";
        DOCUMENTS.server.serve("/bad/redirect", new Answer(302,
                Map.of("Location", DOCUMENTS.server.url("/claude-ai/oauth/mcp-oauth-client-metadata")), new byte[0]));
        assertThat(refusedAtAuthorize(DOCUMENTS.server.url("/bad/redirect"))).contains("HTTP 302");

        String big = publish("/bad/big", good + ",\"padding\":\"" + "a".repeat(6000) + "\"");
        assertThat(refusedAtAuthorize(big)).contains("larger than 5120 bytes");

        DOCUMENTS.server.serve("/bad/html", new Answer(200, Map.of("Content-Type", "text/html"), "<html>".getBytes()));
        assertThat(refusedAtAuthorize(DOCUMENTS.server.url("/bad/html"))).contains("not valid JSON");

        DOCUMENTS.server.serve("/bad/mismatch", Answer.json("{\"client_id\":\"https://claude.ai/other\"," + good + "}"));
        assertThat(refusedAtAuthorize(DOCUMENTS.server.url("/bad/mismatch"))).contains("is not the URL it was fetched from");

        assertThat(refusedAtAuthorize(publish("/bad/secret", good + ",\"client_secret\":\"s\"")))
                .contains("client secret");
        assertThat(refusedAtAuthorize(publish("/bad/method", good + ",\"token_endpoint_auth_method\":\"client_secret_basic\"")))
                .contains("token_endpoint_auth_method");
        assertThat(refusedAtAuthorize(publish("/bad/jwk", good
                + ",\"jwks\":{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"a\",\"y\":\"b\",\"d\":\"c\"}]}")))
                .contains("private key material");
        assertThat(refusedAtAuthorize("http://localhost/client.json")).contains("is not a registered client");
        // The client's host is down: a clear page, not a 500.
        assertThat(refusedAtAuthorize("https://localhost:1/down")).contains("could not be used");
    }

    @Test
    void the_token_endpoint_answers_invalid_client_for_a_document_that_cannot_be_used() {
        String secret = publish("/bad/token-secret",
                "\"client_name\":\"X\",\"redirect_uris\":[\"https://x.example/cb\"],\"client_secret\":\"s\"");
        for (String clientId : List.of(secret, "https://localhost:1/down")) {
            HttpResponse<String> response = client(clientId).exchange("whatever", "https://x.example/cb");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(OAuthClient.json(response.body()).path("error").asText()).isEqualTo("invalid_client");
        }
    }
}
