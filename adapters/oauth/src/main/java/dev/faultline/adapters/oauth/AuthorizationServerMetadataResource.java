package dev.faultline.adapters.oauth;

import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.Scopes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 8414 authorization server metadata. {@code issuer} is exactly the configured issuer (which has no
 * trailing slash), and every endpoint is an absolute URL under it. There is deliberately no
 * {@code /.well-known/openid-configuration}: this server issues no ID tokens, so claiming to be an OpenID
 * Provider would not be truthful. CORS-open and briefly cacheable: it is public and changes only with the
 * configuration.
 */
@Path(AuthorizationServerMetadataResource.PATH)
@OAuthEndpoint
public class AuthorizationServerMetadataResource {
    public static final String PATH = "/.well-known/oauth-authorization-server";
    public static final String AUTHORIZATION_PATH = "/mcp/oauth/authorize";
    static final List<String> AUTH_METHODS = List.of("none", "client_secret_post", "client_secret_basic");

    private final String body;

    public AuthorizationServerMetadataResource(String issuer) {
        this(issuer, Optional.empty());
    }

    /** @param serviceDocumentation a human-readable page about this server, if there is one */
    public AuthorizationServerMetadataResource(String issuer, Optional<String> serviceDocumentation) {
        this(issuer, serviceDocumentation, false);
    }

    /**
     * @param clientIdMetadataDocuments whether https client IDs are resolved through Client ID Metadata
     *     Documents; advertised as {@code client_id_metadata_document_supported} (clients choose it only when
     *     {@code none} is among the token endpoint auth methods too, which it always is)
     */
    public AuthorizationServerMetadataResource(String issuer, Optional<String> serviceDocumentation,
            boolean clientIdMetadataDocuments) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serviceDocumentation, "serviceDocumentation");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + AUTHORIZATION_PATH);
        metadata.put("token_endpoint", issuer + TokenResource.PATH);
        metadata.put("registration_endpoint", issuer + ClientRegistrationResource.PATH);
        metadata.put("revocation_endpoint", issuer + RevocationResource.PATH);
        metadata.put("jwks_uri", issuer + JwksResource.PATH);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", GrantType.wireNames());
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", AUTH_METHODS);
        metadata.put("revocation_endpoint_auth_methods_supported", AUTH_METHODS);
        metadata.put("scopes_supported", Arrays.asList(Scopes.supported().split(" ")));
        metadata.put("authorization_response_iss_parameter_supported", true);
        if (clientIdMetadataDocuments) {
            metadata.put("client_id_metadata_document_supported", true);
        }
        serviceDocumentation.ifPresent(url -> metadata.put("service_documentation", url));
        this.body = OAuthResponses.write(metadata);
    }

    @GET
    public Response metadata() {
        return PublicDocument.ok(body);
    }

    @OPTIONS
    public Response preflight() {
        return PublicDocument.preflight();
    }
}
