package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.domain.access.PkceChallenge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain OAuth client of a real server, for end-to-end tests: registers itself (public or confidential), has a
 * person sign in and approve in a {@link Browser}, and talks to the token, revocation and MCP endpoints. Every
 * call is one real HTTP request; nothing is done in-process.
 */
public final class OAuthClient {
    public static final String REDIRECT = "http://127.0.0.1:53682/callback";
    public static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newHttpClient();

    private OAuthClient(String issuer, String clientId, String clientSecret) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Registers a public client ({@code none}) with dynamic client registration. */
    public static OAuthClient registerPublic(String issuer) {
        return register(issuer, "none");
    }

    /**
     * A public client that is not registered but identified by {@code clientId}, e.g. the URL of its Client ID
     * Metadata Document.
     */
    public static OAuthClient identifiedBy(String issuer, String clientId) {
        return new OAuthClient(issuer, clientId, null);
    }

    /** Registers a confidential client ({@code client_secret_post}). */
    public static OAuthClient registerConfidential(String issuer) {
        return register(issuer, "client_secret_post");
    }

    private static OAuthClient register(String issuer, String authMethod) {
        HttpResponse<String> registered = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                        URI.create(issuer + "/mcp/oauth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"client_name":"Test client","redirect_uris":["%s"],"token_endpoint_auth_method":"%s",
                         "grant_types":["authorization_code","refresh_token"],"response_types":["code"]}"""
                        .formatted(REDIRECT, authMethod)))
                .build());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = json(registered.body());
        return new OAuthClient(issuer, body.path("client_id").asText(),
                body.hasNonNull("client_secret") ? body.path("client_secret").asText() : null);
    }

    public String clientId() {
        return clientId;
    }

    /** The client secret (confidential clients), or null. */
    public String clientSecret() {
        return clientSecret;
    }

    /** The person at {@code browser} signs in if needed and approves {@code scope}; returns the code. */
    public String authorize(Browser browser, String email, String password, String scope) {
        return authorize(browser, email, password, scope, scope);
    }

    /**
     * The person at {@code browser} signs in if needed, is asked for {@code scope}, ticks exactly the boxes of
     * {@code ticked} (space-separated scope names) and approves; returns the code.
     */
    public String authorize(Browser browser, String email, String password, String scope, String ticked) {
        String authorize = authorizationUrl(scope);
        URI back = browser.follow(authorize, issuer, Browser.signInAndApprove(email, password,
                java.util.Arrays.stream(ticked.split(" ")).filter(tick -> !tick.isEmpty()).toList()));
        assertThat(back.toString()).startsWith(REDIRECT);
        return Http.query(back).get("code");
    }

    /** This client's authorization URL asking for {@code scope}. */
    public String authorizationUrl(String scope) {
        return authorizationUrl(issuer, clientId, REDIRECT, scope, "state-" + clientId);
    }

    /** An authorization URL of {@code issuer} for any client (PKCE S256 with {@link #VERIFIER}, resource /mcp). */
    public static String authorizationUrl(String issuer, String clientId, String redirectUri, String scope,
            String state) {
        return issuer + "/mcp/oauth/authorize?" + Http.form(Map.of(
                "response_type", "code", "client_id", clientId, "redirect_uri", redirectUri, "scope", scope,
                "state", state, "code_challenge", PkceChallenge.derivedFrom(VERIFIER).value(),
                "code_challenge_method", "S256", "resource", issuer + "/mcp"));
    }

    public HttpResponse<String> exchange(String code) {
        return exchange(code, REDIRECT);
    }

    /** Redeems {@code code}, issued for {@code redirectUri}, with {@link #VERIFIER} for the /mcp resource. */
    public HttpResponse<String> exchange(String code, String redirectUri) {
        Map<String, String> form = credentials();
        form.putAll(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", VERIFIER, "resource", issuer + "/mcp"));
        return postForm("/mcp/oauth/token", form);
    }

    public HttpResponse<String> refresh(String refreshToken) {
        Map<String, String> form = credentials();
        form.putAll(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        return postForm("/mcp/oauth/token", form);
    }

    public HttpResponse<String> revoke(String token) {
        Map<String, String> form = credentials();
        form.put("token", token);
        return postForm("/mcp/oauth/revoke", form);
    }

    /** A token response's JSON, which must be a 200. */
    public static JsonNode tokens(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** {@code tools/call} of {@code tool} on {@code path} ({@code /mcp} or {@code /mcp/{token}}). */
    public HttpResponse<String> callTool(String path, String bearer, String tool, String arguments) {
        return mcp(path, bearer, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool + "\",\"arguments\":" + arguments + "}}");
    }

    public HttpResponse<String> mcp(String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(http, request.build());
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> credentials() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        return form;
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(http, HttpRequest.newBuilder(URI.create(issuer + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))).build());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        return Http.send(http, request);
    }
}
