package dev.faultline.bootstrap.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.http.Browser;
import dev.faultline.bootstrap.http.Http;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every recorded client request shape in {@code src/test/resources/clients/} (real clients' registration bodies and
 * authorization parameters, each file naming where it came from and what is quoted or reconstructed) replayed
 * through the whole flow over real HTTP: registration exactly as the client sends it, sign-in and consent on
 * Faultline's pages, code exchange with the client's own authentication, a refresh, and one MCP {@code tools/call}
 * with the access token. Files marked {@code cimd} stand for clients that use a Client ID Metadata Document: CIMD
 * itself is tested elsewhere; here a DCR client with the document's redirect URIs replays their authorize request.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientCorpusReplayTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            ConfigOverride.config("registration.perAddress", "1000"));
    private static final String EMAIL = "corpus@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final Path CORPUS = Path.of("src/test/resources/clients");
    private static final List<String> NEVER_GRANTED = List.of("offline_access", "openid");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private static String issuer;

    @BeforeAll
    static void aPersonWithAnApplication() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        issuer = APP.getConfiguration().getPublicBaseUrl();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Cora", PASSWORD))).userId();
        faultline.tracker().createApplication().createApplication(new CreateApplication.Command(Actor.person(user), "Shop",
                new ApplicationSlug("shop"), new Platform("java")));
    }

    static Stream<Arguments> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> sorted = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(sorted).as("the corpus").hasSizeGreaterThanOrEqualTo(20);
            return sorted.stream().map(p -> {
                JsonNode entry = read(p);
                String name = entry.path("client").asText() + (entry.path("cimd").asBoolean() ? " [CIMD shape]" : "");
                return Arguments.of(name, p.getFileName().toString(), entry);
            });
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("corpus")
    void a_real_clients_requests_go_through_registration_consent_token_refresh_and_a_tool_call(String client,
            String file, JsonNode entry) {
        assertThat(entry.path("source").isObject()).as(file + " records its source").isTrue();
        assertThat(entry.path("quoted").asText()).as(file + " says what is quoted").isNotBlank();
        assertThat(entry.path("reconstructed").asText()).as(file + " says what is reconstructed").isNotBlank();

        HttpResponse<String> registered = post("/mcp/oauth/register", "application/json",
                entry.path("registration").toString(), Map.of());
        assertThat(registered.statusCode()).as(client + " registers: " + registered.body()).isEqualTo(201);
        JsonNode registration = json(registered.body());
        String clientId = registration.path("client_id").asText();
        String secret = registration.path("client_secret").asText(null);
        String authMethod = registration.path("token_endpoint_auth_method").asText();
        assertThat(words(registration.path("scope").asText())).isSubsetOf("mcp:read", "mcp:write").isNotEmpty();
        assertThat(registration.path("grant_types").toString()).doesNotContain("device_code");
        assertThat(registration.path("redirect_uris")).isEqualTo(entry.path("registration").path("redirect_uris"));

        JsonNode authorize = entry.path("authorize");
        String redirectUri = authorize.path("redirect_uri").asText();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("state", "state-" + file);
        query.put("code_challenge", PkceChallenge.derivedFrom(VERIFIER).value());
        for (Map.Entry<String, JsonNode> parameter : authorize.properties()) {
            if (!parameter.getKey().equals("redirect_uri")) {
                query.put(parameter.getKey(), parameter.getValue().asText().replace("{mcp}", issuer + "/mcp"));
            }
        }
        List<String> requestedMcp = words(query.getOrDefault("scope", "")).stream()
                .filter(s -> s.startsWith("mcp:")).toList();
        List<String> ticks = requestedMcp.isEmpty() ? List.of("mcp:read") : requestedMcp;
        URI back = new Browser().follow(issuer + "/mcp/oauth/authorize?" + Http.form(query), issuer,
                Browser.signInAndApprove(EMAIL, PASSWORD, ticks));
        assertThat(back.toString()).as(client + " is sent back to its redirect URI").startsWith(redirectUri + "?");
        Map<String, String> response = Http.query(back);
        assertThat(response).containsEntry("state", "state-" + file).containsEntry("iss", issuer)
                .doesNotContainKey("error");

        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "code", response.get("code"), "redirect_uri", redirectUri, "code_verifier", VERIFIER));
        if (query.containsKey("resource")) {
            exchange.put("resource", query.get("resource"));
        }
        JsonNode tokens = tokens(token(exchange, clientId, secret, authMethod), client);
        List<String> granted = words(tokens.path("scope").asText());
        assertThat(granted).as("granted: what the person ticked, the client's requested scopes")
                .doesNotContainAnyElementsOf(NEVER_GRANTED).containsExactlyInAnyOrderElementsOf(ticks);

        JsonNode refreshed = tokens(token(new LinkedHashMap<>(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.path("refresh_token").asText())), clientId, secret, authMethod), client);
        assertThat(words(refreshed.path("scope").asText())).containsExactlyInAnyOrderElementsOf(granted);

        HttpResponse<String> call = mcp(refreshed.path("access_token").asText(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_applications\","
                        + "\"arguments\":{}}}");
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        JsonNode result = json(call.body()).path("result");
        assertThat(result.path("isError").asBoolean()).as(call.body()).isFalse();
        assertThat(result.path("structuredContent").toString()).containsIgnoringCase("shop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript://x/%0Aalert(1)", "javascript:alert(1)", "data:text/html,hi",
        "file:///etc/passwd", "vbscript:msgbox", "blob:https://app.example/1", "about:blank",
        "http://app.example/cb", "http://10.0.0.1/cb", "https://app.example/cb#x", "cursor://anysphere/cb#x",
        "https://user@app.example/cb", "cursor://user@anysphere.cursor-mcp/cb", "/relative/cb", "app.example/cb"})
    void a_dangerous_or_unacceptable_redirect_uri_refuses_the_registration_naming_it(String uri) {
        HttpResponse<String> refused = post("/mcp/oauth/register", "application/json", JSON.createObjectNode()
                .set("redirect_uris", JSON.createArrayNode().add("cursor://anysphere.cursor-mcp/oauth/callback")
                        .add(uri).add("http://localhost:8787/callback")).toString(), Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = json(refused.body());
        assertThat(error.path("error").asText()).isEqualTo("invalid_redirect_uri");
        String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : "";
        String named = List.of("javascript", "data", "file", "vbscript", "blob", "about").contains(scheme)
                ? "\"" + scheme + ":\" is not allowed" : "\"" + uri + "\"";
        assertThat(error.path("error_description").asText()).contains(named).doesNotContain("cursor://anysphere.cursor-mcp");
    }

    @Test
    void offline_access_and_openid_are_never_advertised() {
        for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource",
                "/.well-known/oauth-authorization-server")) {
            JsonNode metadata = json(get(path).body());
            assertThat(metadata.path("scopes_supported").toString()).as(path).contains("mcp:read")
                    .doesNotContain("offline_access", "openid");
        }
    }

    @Test
    void a_refresh_asking_for_offline_access_and_openid_keeps_the_grants_scope_and_another_unknown_scope_is_refused() {
        JsonNode registration = json(post("/mcp/oauth/register", "application/json", """
                {"redirect_uris":["http://127.0.0.1:8093/cb"],"token_endpoint_auth_method":"none",
                 "grant_types":["authorization_code","refresh_token"]}""", Map.of()).body());
        String clientId = registration.path("client_id").asText();
        Map<String, String> query = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", "http://127.0.0.1:8093/cb", "scope", "openid mcp:read mcp:write offline_access",
                "state", "s", "code_challenge", PkceChallenge.derivedFrom(VERIFIER).value(),
                "code_challenge_method", "S256", "prompt", "consent"));
        URI back = new Browser().follow(issuer + "/mcp/oauth/authorize?" + Http.form(query), issuer,
                Browser.signInAndApprove(EMAIL, PASSWORD, List.of("mcp:read", "mcp:write")));
        JsonNode tokens = tokens(token(new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code",
                Http.query(back).get("code"), "redirect_uri", "http://127.0.0.1:8093/cb", "code_verifier", VERIFIER)),
                clientId, null, "none"), "refresh test");
        assertThat(tokens.path("scope").asText()).isEqualTo("mcp:read mcp:write");

        JsonNode same = tokens(token(new LinkedHashMap<>(Map.of("grant_type", "refresh_token", "refresh_token",
                tokens.path("refresh_token").asText(), "scope", "offline_access openid")), clientId, null, "none"),
                "refresh test");
        assertThat(same.path("scope").asText()).isEqualTo("mcp:read mcp:write");
        JsonNode narrowed = tokens(token(new LinkedHashMap<>(Map.of("grant_type", "refresh_token", "refresh_token",
                same.path("refresh_token").asText(), "scope", "mcp:read offline_access")), clientId, null, "none"),
                "refresh test");
        assertThat(narrowed.path("scope").asText()).isEqualTo("mcp:read");
        HttpResponse<String> unknown = token(new LinkedHashMap<>(Map.of("grant_type", "refresh_token",
                "refresh_token", narrowed.path("refresh_token").asText(), "scope", "profile")), clientId, null, "none");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown.body()).path("error").asText()).isEqualTo("invalid_scope");
    }

    /** The token endpoint, authenticating as the client registered to (RFC 7591 default: client_secret_basic). */
    private HttpResponse<String> token(Map<String, String> form, String clientId, String secret, String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (secret != null && "client_secret_basic".equals(method)) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (Http.encode(clientId) + ":" + Http.encode(secret)).getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
            if (secret != null) {
                form.put("client_secret", secret);
            }
        }
        return post("/mcp/oauth/token", "application/x-www-form-urlencoded", Http.form(form), headers);
    }

    private static JsonNode tokens(HttpResponse<String> response, String client) {
        assertThat(response.statusCode()).as(client + ": " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    private HttpResponse<String> mcp(String bearer, String body) {
        return send(HttpRequest.newBuilder(URI.create(issuer + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(issuer + path)).GET().build());
    }

    private HttpResponse<String> post(String path, String type, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(http, request);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split(" +"));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
