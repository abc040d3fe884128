package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/** Everything {@code config.yml} may set; every value has a safe default documented there. */
public class FaultlineConfiguration extends Configuration {
    @NotEmpty
    private String publicBaseUrl = "http://localhost:8080";

    /** Browser origins besides Faultline's own that may call /mcp (e.g. an MCP inspector), comma-separated. */
    private String allowedOrigins = "";

    @Valid
    @NotNull
    private DatabaseSettings database = new DatabaseSettings();

    @Valid
    @NotNull
    private AccessSettings access = new AccessSettings();

    @Valid
    @NotNull
    private PurgeSettings purge = new PurgeSettings();

    @Valid
    @NotNull
    private RegistrationSettings registration = new RegistrationSettings();

    @Valid
    @NotNull
    private PagesSettings pages = new PagesSettings();

    @Valid
    @NotNull
    private TokenEndpointSettings tokenEndpoint = new TokenEndpointSettings();

    @Valid
    @NotNull
    private McpSettings mcp = new McpSettings();

    @Valid
    @NotNull
    private SignInSettings signIn = new SignInSettings();

    @Valid
    @NotNull
    private ClientMetadataSettings clientMetadata = new ClientMetadataSettings();

    @Valid
    @NotNull
    private IngestSettings ingest = new IngestSettings();

    @JsonProperty
    public IngestSettings getIngest() {
        return ingest;
    }

    @JsonProperty
    public void setIngest(IngestSettings ingest) {
        this.ingest = ingest;
    }

    @JsonProperty
    public ClientMetadataSettings getClientMetadata() {
        return clientMetadata;
    }

    @JsonProperty
    public void setClientMetadata(ClientMetadataSettings clientMetadata) {
        this.clientMetadata = clientMetadata;
    }

    /**
     * The loopback relaxation of the metadata-document fetcher exists for tests only: it is accepted only while
     * Faultline itself is reachable on plain http at a loopback host, which no real deployment is.
     */
    @ValidationMethod(message = "clientMetadata.allowLoopbackForTests is a test-only setting: it is refused unless"
            + " publicBaseUrl is plain http on a loopback host (localhost, 127.0.0.1 or [::1])")
    public boolean isLoopbackFetchingOnlyInTests() {
        if (!clientMetadata.isAllowLoopbackForTests()) {
            return true;
        }
        try {
            URI uri = new URI(publicBaseUrl);
            return "http".equals(uri.getScheme()) && java.util.Set.of("localhost", "127.0.0.1", "[::1]")
                    .contains(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** DSNs are built from {@code ingest.publicUrl} (or {@code publicBaseUrl}); a bad one stops startup, not a page. */
    @ValidationMethod(message = "ingest.publicUrl (or publicBaseUrl when it is empty) must be an http or https URL"
            + " with a host and no user info, query or fragment")
    public boolean isIngestUrlValid() {
        try {
            ingest.baseUrl(publicBaseUrl);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The issuer: how browsers and MCP clients reach Faultline, e.g. {@code https://faultline.example.com}. */
    @JsonProperty
    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    @JsonProperty
    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @JsonProperty
    public DatabaseSettings getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseSettings database) {
        this.database = database;
    }

    @JsonProperty
    public AccessSettings getAccess() {
        return access;
    }

    @JsonProperty
    public void setAccess(AccessSettings access) {
        this.access = access;
    }

    @JsonProperty
    public PurgeSettings getPurge() {
        return purge;
    }

    @JsonProperty
    public RegistrationSettings getRegistration() {
        return registration;
    }

    @JsonProperty
    public void setRegistration(RegistrationSettings registration) {
        this.registration = registration;
    }

    @JsonProperty
    public TokenEndpointSettings getTokenEndpoint() {
        return tokenEndpoint;
    }

    @JsonProperty
    public void setTokenEndpoint(TokenEndpointSettings tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    @JsonProperty
    public PagesSettings getPages() {
        return pages;
    }

    @JsonProperty
    public void setPages(PagesSettings pages) {
        this.pages = pages;
    }

    @JsonProperty
    public McpSettings getMcp() {
        return mcp;
    }

    @JsonProperty
    public void setMcp(McpSettings mcp) {
        this.mcp = mcp;

    }

    @JsonProperty
    public SignInSettings getSignIn() {
        return signIn;
    }

    @JsonProperty
    public void setSignIn(SignInSettings signIn) {
        this.signIn = signIn;
    }

    @JsonProperty
    public void setPurge(PurgeSettings purge) {
        this.purge = purge;
    }

    @JsonProperty
    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    @JsonProperty
    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins == null ? "" : allowedOrigins;
    }

    public java.util.Set<String> allowedOrigins() {
        return java.util.Arrays.stream(allowedOrigins.split(","))
                .map(String::trim).filter(o -> !o.isEmpty()).map(o -> o.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The MCP resource (RFC 8707 audience of every access token). */
    public String mcpResource() {
        return publicBaseUrl + "/mcp";
    }

    @ValidationMethod(message = "publicBaseUrl must be an absolute http(s) URL with no trailing slash, query or fragment, "
            + "e.g. https://faultline.example.com (it is the OAuth issuer and must match exactly)")
    public boolean isPublicBaseUrlUsable() {
        try {
            URI uri = new URI(publicBaseUrl);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null
                    && !publicBaseUrl.endsWith("/");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
