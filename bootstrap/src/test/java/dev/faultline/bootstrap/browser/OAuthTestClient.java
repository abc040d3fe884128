package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.bootstrap.http.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The HTTP side of a public (PKCE, no secret) OAuth client, as an MCP client on a laptop would be: registers
 * through DCR, builds the authorization URL the browser opens, and redeems codes and refresh tokens.
 */
public final class OAuthTestClient {
    public static final String SCOPE = "mcp:read mcp:write";

    private final String issuer;
    private final JsonNode metadata;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public record Tokens(String access, String refresh, String scope) {
        @Override
        public String toString() {
            return "Tokens[scope=" + scope + "]";
        }
    }

    /** What the client remembers between opening the browser and receiving the callback. */
    public record AuthorizationRequest(String clientId, String redirectUri, String state, Pkce pkce) {
        @Override
        public String toString() {
            return "AuthorizationRequest[clientId=" + clientId + ", redirectUri=" + redirectUri + "]";
        }
    }

    private OAuthTestClient(String issuer, JsonNode metadata) {
        this.issuer = issuer;
        this.metadata = metadata;
    }

    /** Reads the authorization server metadata, as a client would. */
    public static OAuthTestClient discover(String issuer) {
        OAuthTestClient bootstrap = new OAuthTestClient(issuer, null);
        HttpResponse<String> response = bootstrap.send(HttpRequest.newBuilder(
                URI.create(issuer + "/.well-known/oauth-authorization-server")).GET().build());
        assertThat(response.statusCode()).as("authorization server metadata").isEqualTo(200);
        return new OAuthTestClient(issuer, bootstrap.read(response.body()));
    }

    public String issuer() {
        return issuer;
    }

    public String resource() {
        return issuer + "/mcp";
    }

    /** Anonymous dynamic client registration (RFC 7591) of a public client; returns its client_id. */
    public String register(String clientName, String redirectUri) {
        ObjectNode body = json.createObjectNode();
        body.put("client_name", clientName);
        body.putArray("redirect_uris").add(redirectUri);
        body.put("token_endpoint_auth_method", "none");
        body.putArray("grant_types").add("authorization_code").add("refresh_token");
        body.putArray("response_types").add("code");
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint("registration_endpoint"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        assertThat(response.statusCode()).as("DCR: %s", response.body()).isEqualTo(201);
        return read(response.body()).path("client_id").asText();
    }

    public AuthorizationRequest newAuthorization(String clientId, String redirectUri) {
        return new AuthorizationRequest(clientId, redirectUri, UUID.randomUUID().toString(), Pkce.fresh());
    }

    public String authorizationUrl(AuthorizationRequest request) {
        return authorizationUrl(request, SCOPE);
    }

    /** The authorization URL asking for {@code scope} (space-separated). */
    public String authorizationUrl(AuthorizationRequest request, String scope) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", request.clientId());
        query.put("redirect_uri", request.redirectUri());
        query.put("scope", scope);
        query.put("state", request.state());
        query.put("code_challenge", request.pkce().challenge());
        query.put("code_challenge_method", "S256");
        query.put("resource", resource());
        return endpoint("authorization_endpoint") + "?" + Http.form(query);
    }

    /** Redeems the code from the callback; asserts the server accepted it. */
    public Tokens exchange(AuthorizationRequest request, String code) {
        HttpResponse<String> response = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", request.redirectUri(), "code_verifier", request.pkce().verifier(),
                "client_id", request.clientId(), "resource", resource()));
        assertThat(response.statusCode()).as("token endpoint: %s", response.body()).isEqualTo(200);
        JsonNode tokens = read(response.body());
        return new Tokens(tokens.path("access_token").asText(), tokens.path("refresh_token").asText(),
                tokens.path("scope").asText());
    }

    /** A refresh_token grant, answered as is (the caller checks success or {@code invalid_grant}). */
    public HttpResponse<String> refresh(String clientId, String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> token(Map<String, String> parameters) {
        return send(HttpRequest.newBuilder(endpoint("token_endpoint"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(parameters))).build());
    }

    private URI endpoint(String name) {
        return URI.create(metadata.path(name).asText());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(http, request);
    }
}
