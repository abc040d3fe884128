package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static ClientRegistrationRequest request(List<String> redirects, String method) {
        return new ClientRegistrationRequest("Claude", redirects, null, null, method, null, null, null, null);
    }

    static ClientMetadata accepted(ClientRegistrationRequest request) {
        ClientRegistrationRequest.Validation validation = request.validate();
        assertThat(validation).isInstanceOf(ClientRegistrationRequest.Validation.Accepted.class);
        return ((ClientRegistrationRequest.Validation.Accepted) validation).metadata();
    }

    static ClientRegistrationRequest.Validation.Refused refused(ClientRegistrationRequest request) {
        ClientRegistrationRequest.Validation validation = request.validate();
        assertThat(validation).isInstanceOf(ClientRegistrationRequest.Validation.Refused.class);
        return (ClientRegistrationRequest.Validation.Refused) validation;
    }

    /** The credentials a client presents with {@code method}; an absent secret is sent empty. */
    static ClientCredentials creds(Client client, ClientAuthMethod method, Optional<String> secret) {
        return switch (method) {
            case NONE -> ClientCredentials.publicClient(client.id());
            case CLIENT_SECRET_BASIC -> new ClientCredentials.SecretBasic(client.id(), secret.orElse(""));
            case CLIENT_SECRET_POST -> new ClientCredentials.SecretPost(client.id(), secret.orElse(""));
        };
    }

    @Test
    void registration_applies_rfc_7591_defaults() {
        ClientMetadata metadata = accepted(new ClientRegistrationRequest(null,
                List.of("https://app.example/cb"), null, null, null, null, null, null, null));
        assertThat(metadata.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(metadata.grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE);
        assertThat(metadata.scopeCeiling()).isEqualTo(Scopes.READ_WRITE);
        assertThat(metadata.name()).isEqualTo(ClientRegistrationRequest.UNNAMED);
        assertThat(metadata.applicationType()).isEqualTo(ApplicationType.WEB);
    }

    @Test
    void registration_accepts_full_public_client_metadata() {
        ClientMetadata metadata = accepted(new ClientRegistrationRequest(" Cursor ",
                List.of("http://127.0.0.1:8765/cb", "cursor.app:/cb"), List.of("authorization_code", "refresh_token"),
                List.of("code"), "none", "mcp:read", "https://cursor.example", "https://cursor.example/logo.png",
                "native"));
        assertThat(metadata.name()).isEqualTo("Cursor");
        assertThat(metadata.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(metadata.grantTypes()).containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE,
                GrantType.REFRESH_TOKEN);
        assertThat(metadata.scopeCeiling()).isEqualTo(Scopes.READ_ONLY);
        assertThat(metadata.clientUri()).contains("https://cursor.example");
        assertThat(metadata.applicationType()).isEqualTo(ApplicationType.NATIVE);
    }

    @Test
    void registration_refuses_bad_redirect_uris_with_invalid_redirect_uri() {
        var missing = refused(request(List.of(), "none"));
        assertThat(missing.error()).isEqualTo(RegistrationError.INVALID_REDIRECT_URI);
        assertThat(missing.description()).contains("redirect_uris is required");

        var insecure = refused(request(List.of("https://ok.example/cb", "http://evil.example/cb"), "none"));
        assertThat(insecure.error()).isEqualTo(RegistrationError.INVALID_REDIRECT_URI);
        assertThat(insecure.description()).contains("http://evil.example/cb");
    }

    @Test
    void registration_accepts_cursors_three_redirect_uris_in_one_request() {
        List<String> cursor = List.of("cursor://anysphere.cursor-mcp/oauth/callback",
                "https://www.cursor.com/agents/mcp/oauth/callback", "http://localhost:8787/callback");
        assertThat(accepted(request(cursor, "none")).redirectUris()).extracting(RedirectUri::value)
                .containsExactlyElementsOf(cursor);
    }

    @Test
    void one_dangerous_redirect_uri_among_good_ones_refuses_the_registration_naming_each_bad_one() {
        var refused = refused(request(List.of("cursor://anysphere.cursor-mcp/oauth/callback",
                "javascript://x/%0Aalert(1)", "http://localhost:8787/callback", "http://evil.example/cb"), "none"));
        assertThat(refused.error()).isEqualTo(RegistrationError.INVALID_REDIRECT_URI);
        assertThat(refused.description()).contains("\"javascript:\" is not allowed")
                .contains("\"http://evil.example/cb\" uses http on a non-loopback host")
                .doesNotContain("cursor://");
    }

    @Test
    void registration_drops_unknown_scopes_and_registers_the_default_when_none_is_left() {
        List<String> ok = List.of("https://app.example/cb");
        assertThat(accepted(new ClientRegistrationRequest("x", ok, null, null, "none",
                "openid mcp:read offline_access profile", null, null, null)).scopeCeiling())
                .isEqualTo(Scopes.READ_ONLY);
        assertThat(accepted(new ClientRegistrationRequest("x", ok, null, null, "none", "mcp:admin api",
                null, null, null)).scopeCeiling()).isEqualTo(ClientRegistrationRequest.DEFAULT_SCOPE);
        assertThat(accepted(new ClientRegistrationRequest("x", ok, null, null, "none", null,
                null, null, null)).scopeCeiling()).isEqualTo(ClientRegistrationRequest.DEFAULT_SCOPE);
    }

    @Test
    void registration_drops_grant_types_faultline_does_not_offer() {
        assertThat(accepted(new ClientRegistrationRequest("VS Code", List.of("http://127.0.0.1:33418/"),
                List.of("authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"),
                List.of("code"), "none", null, null, null, null)).grantTypes())
                .containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
    }

    @Test
    void registration_refuses_bad_metadata_with_invalid_client_metadata() {
        List<String> ok = List.of("https://app.example/cb");
        assertThat(refused(new ClientRegistrationRequest("x", ok, List.of("client_credentials"), null, "none", null,
                null, null, null)).description()).contains("must include authorization_code")
                .contains("client_credentials requested");
        assertThat(refused(new ClientRegistrationRequest("x", ok, List.of("refresh_token"), null, "none", null,
                null, null, null)).description()).contains("must include authorization_code");
        assertThat(refused(new ClientRegistrationRequest("x", ok, null, List.of("token"), "none", null,
                null, null, null)).description()).contains("response_type \"token\"");
        assertThat(refused(request(ok, "private_key_jwt")).description()).contains("\"private_key_jwt\"");
        assertThat(refused(new ClientRegistrationRequest("x", ok, null, null, "none", "mcp:read\u0000",
                null, null, null)).description()).contains("U+0000");
        assertThat(refused(new ClientRegistrationRequest("x", ok, null, null, "none", null,
                "javascript:alert(1)", null, null)).description()).contains("client_uri");
        assertThat(refused(new ClientRegistrationRequest("x", ok, null, null, "none", null,
                null, "http://logo.example/x.png", null)).description()).contains("logo_uri");
        assertThat(refused(new ClientRegistrationRequest("x".repeat(101), ok, null, null, "none", null,
                null, null, null)).description()).contains("client_name");
        assertThat(refused(new ClientRegistrationRequest("a\nb", ok, null, null, "none", null,
                null, null, null)).description()).contains("control characters");
        for (String strippable : List.of("\u001fname", "name\n", "\tname", "name\u001c")) {
            assertThat(refused(new ClientRegistrationRequest(strippable, ok, null, null, "none", null,
                    null, null, null)).description()).as("never stripped into shape").contains("control characters");
        }
        assertThat(refused(new ClientRegistrationRequest("x", ok, null, null, "none", null,
                null, null, "desktop")).description()).contains("application_type \"desktop\"");
        assertThat(refused(request(ok, "bogus")).error()).isEqualTo(RegistrationError.INVALID_CLIENT_METADATA);
    }

    @Test
    void redirect_uri_lookup_is_exact_with_loopback_port_freedom() {
        Client client = Client.register(new ClientId("c1"),
                accepted(request(List.of("https://app.example/cb", "http://localhost/cb"), "none")),
                Optional.empty(), NOW);
        assertThat(client.registeredRedirectUri("https://app.example/cb")).isPresent();
        assertThat(client.registeredRedirectUri("http://localhost:4000/cb")).isPresent();
        assertThat(client.registeredRedirectUri("http://evil.example/cb")).isEmpty();
        assertThat(Client.redirectUriNotRegistered("http://evil.example/cb"))
                .isEqualTo("redirect_uri \"http://evil.example/cb\" is not registered for this client");
        assertThat(client.redirectHost()).isEqualTo("app.example");
    }

    @Test
    void abandoned_means_never_authorized_and_older_than_the_ttl() {
        Client client = Client.register(new ClientId("c1"), accepted(request(List.of("https://a.example/cb"),
                "none")), Optional.empty(), NOW);
        Duration ttl = Duration.ofHours(24);
        assertThat(client.isAbandoned(NOW.plus(ttl), ttl)).isFalse();
        assertThat(client.isAbandoned(NOW.plus(ttl).plusSeconds(1), ttl)).isTrue();
        Client authorized = client.authorizedAt(NOW.plusSeconds(5));
        assertThat(authorized.isAbandoned(NOW.plus(Duration.ofDays(300)), ttl)).isFalse();
        assertThat(authorized.authorizedAt(NOW.plusSeconds(99)).firstAuthorizedAt()).contains(NOW.plusSeconds(5));
    }

    @Test
    void confidential_client_authenticates_only_with_its_method_and_secret() {
        Client client = Client.register(new ClientId("c2"), accepted(request(List.of("https://a.example/cb"),
                "client_secret_post")), Optional.of(TokenHash.of("flt_cs_secret")), NOW);
        assertThat(client.authenticate(creds(client, ClientAuthMethod.CLIENT_SECRET_POST, Optional.of("flt_cs_secret"))))
                .isInstanceOf(ClientAuthentication.Authenticated.class);
        assertThat(client.authenticate(creds(client, ClientAuthMethod.CLIENT_SECRET_POST, Optional.of("flt_cs_wrong"))))
                .isEqualTo(new ClientAuthentication.Refused("client authentication failed: wrong client_secret"));
        assertThat(client.authenticate(creds(client, ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.of("flt_cs_secret"))))
                .isEqualTo(new ClientAuthentication.Refused(
                        "client is registered for client_secret_post authentication but used client_secret_basic"));
        assertThat(client.authenticate(creds(client, ClientAuthMethod.NONE, Optional.empty())))
                .isInstanceOf(ClientAuthentication.Refused.class);
        assertThat(client.authenticate(creds(client, ClientAuthMethod.CLIENT_SECRET_POST, Optional.empty())))
                .isEqualTo(new ClientAuthentication.Refused("client_secret is required for this client"));
    }

    @Test
    void public_client_authenticates_with_none_only() {
        Client client = Client.register(new ClientId("c3"), accepted(request(List.of("https://a.example/cb"),
                "none")), Optional.empty(), NOW);
        assertThat(client.authenticate(creds(client, ClientAuthMethod.NONE, Optional.empty())))
                .isInstanceOf(ClientAuthentication.Authenticated.class);
        assertThat(client.authenticate(creds(client, ClientAuthMethod.CLIENT_SECRET_POST, Optional.of("x"))))
                .isInstanceOf(ClientAuthentication.Refused.class);
    }
}
