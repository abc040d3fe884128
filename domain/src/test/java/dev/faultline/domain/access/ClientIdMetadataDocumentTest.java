package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientIdMetadataDocumentTest {
    static final ClientId URL = new ClientId("https://claude.ai/oauth/claude-code-client-metadata");

    static ClientRegistrationRequest registration(String name, List<String> redirects, String method) {
        return new ClientRegistrationRequest(name, redirects, List.of("authorization_code"), null, method, null,
                null, null, null);
    }

    static ClientIdMetadataDocument claudeCode() {
        return new ClientIdMetadataDocument(URL.value(), registration("Claude Code",
                List.of("http://localhost/callback", "http://127.0.0.1/callback"), "none"), false, false, Set.of());
    }

    static String reason(ClientIdMetadataDocument document) {
        ClientIdMetadataDocument.Validation validation = document.validate(URL);
        assertThat(validation).isInstanceOf(ClientIdMetadataDocument.Validation.Invalid.class);
        return ((ClientIdMetadataDocument.Validation.Invalid) validation).reason();
    }

    @Test
    void a_claude_code_shaped_document_is_valid_and_public() {
        ClientIdMetadataDocument.Validation validation = claudeCode().validate(URL);
        assertThat(validation).isInstanceOf(ClientIdMetadataDocument.Validation.Valid.class);
        ClientMetadata metadata = ((ClientIdMetadataDocument.Validation.Valid) validation).metadata();
        assertThat(metadata.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(metadata.name()).isEqualTo("Claude Code");
    }

    @Test
    void an_absent_auth_method_means_none() {
        ClientIdMetadataDocument document = new ClientIdMetadataDocument(URL.value(),
                registration("VS Code", List.of("https://vscode.dev/redirect"), null), false, false, Set.of());
        assertThat(document.validate(URL)).isInstanceOf(ClientIdMetadataDocument.Validation.Valid.class);
    }

    @Test
    void client_id_must_equal_the_url_exactly() {
        ClientIdMetadataDocument other = new ClientIdMetadataDocument(
                "https://claude.ai:443/oauth/claude-code-client-metadata", claudeCode().registration(), false, false,
                Set.of());
        assertThat(reason(other)).contains("is not the URL it was fetched from");
        ClientIdMetadataDocument none = new ClientIdMetadataDocument(null, claudeCode().registration(), false,
                false, Set.of());
        assertThat(reason(none)).contains("no client_id");
    }

    @Test
    void secrets_are_refused() {
        assertThat(reason(new ClientIdMetadataDocument(URL.value(), claudeCode().registration(), true, false,
                Set.of()))).contains("client secret");
        assertThat(reason(new ClientIdMetadataDocument(URL.value(), claudeCode().registration(), false, true,
                Set.of()))).contains("client secret");
    }

    @Test
    void a_shared_secret_auth_method_is_refused() {
        for (String method : List.of("client_secret_basic", "client_secret_post", "private_key_jwt")) {
            ClientIdMetadataDocument document = new ClientIdMetadataDocument(URL.value(),
                    registration("X", List.of("https://x.example/cb"), method), false, false, Set.of());
            assertThat(reason(document)).contains("token_endpoint_auth_method");
        }
    }

    @Test
    void private_key_material_is_refused_and_public_keys_are_not() {
        assertThat(reason(new ClientIdMetadataDocument(URL.value(), claudeCode().registration(), false, false,
                Set.of("kty", "n", "e", "d")))).contains("private key");
        assertThat(reason(new ClientIdMetadataDocument(URL.value(), claudeCode().registration(), false, false,
                Set.of("kty", "k")))).contains("private key");
        assertThat(new ClientIdMetadataDocument(URL.value(), claudeCode().registration(), false, false,
                Set.of("kty", "n", "e", "kid")).validate(URL))
                .isInstanceOf(ClientIdMetadataDocument.Validation.Valid.class);
    }

    @Test
    void client_name_and_redirect_uris_are_required_and_checked() {
        assertThat(reason(new ClientIdMetadataDocument(URL.value(),
                registration(null, List.of("https://x.example/cb"), "none"), false, false, Set.of())))
                .contains("client_name");
        assertThat(reason(new ClientIdMetadataDocument(URL.value(), registration("X", List.of(), "none"), false,
                false, Set.of()))).contains("redirect_uris");
        assertThat(reason(new ClientIdMetadataDocument(URL.value(),
                registration("X", List.of("http://evil.example/cb"), "none"), false, false, Set.of())))
                .contains("non-loopback");
    }

    @Test
    void a_metadata_document_client_may_refresh_and_is_not_self_registered() {
        ClientMetadata metadata = ((ClientIdMetadataDocument.Validation.Valid) claudeCode().validate(URL)).metadata();
        assertThat(metadata.grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE);
        Client client = Client.fromMetadataDocument(URL, metadata, ClientTest.NOW);
        assertThat(client.allows(GrantType.REFRESH_TOKEN)).isTrue();
        assertThat(client.isSelfRegistered()).isFalse();
        assertThat(client.verifiedOrigin()).hasValue("claude.ai");
        assertThat(client.redirectsOnlyToLoopback()).isTrue();
    }

    @Test
    void a_client_with_one_web_redirect_is_not_loopback_only() {
        ClientIdMetadataDocument vscode = new ClientIdMetadataDocument(URL.value(), registration("VS Code",
                List.of("http://127.0.0.1:33418", "https://vscode.dev/redirect"), null), false, false, Set.of());
        ClientMetadata metadata = ((ClientIdMetadataDocument.Validation.Valid) vscode.validate(URL)).metadata();
        assertThat(Client.fromMetadataDocument(URL, metadata, ClientTest.NOW).redirectsOnlyToLoopback()).isFalse();
    }
}
