package dev.faultline.domain.access;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth client, registered by itself through Dynamic Client Registration (RFC 7591), or identified by a
 * Client ID Metadata Document ({@link #fromMetadataDocument}). Holds only the hash of its secret (confidential
 * clients), never the secret.
 */
public record Client(
        ClientId id,
        String name,
        List<RedirectUri> redirectUris,
        Set<GrantType> grantTypes,
        ClientAuthMethod authMethod,
        Optional<TokenHash> secretHash,
        Scopes scopeCeiling,
        Optional<String> clientUri,
        Optional<String> logoUri,
        ApplicationType applicationType,
        Instant registeredAt,
        Optional<Instant> firstAuthorizedAt) {

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(scopeCeiling, "scopeCeiling");
        Objects.requireNonNull(clientUri, "clientUri");
        Objects.requireNonNull(logoUri, "logoUri");
        Objects.requireNonNull(applicationType, "applicationType");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(firstAuthorizedAt, "firstAuthorizedAt");
        redirectUris = List.copyOf(redirectUris);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("a client has at least one redirect URI");
        }
        grantTypes = Set.copyOf(EnumSet.copyOf(grantTypes));
        if (authMethod.isConfidential() != secretHash.isPresent()) {
            throw new IllegalArgumentException(authMethod.isConfidential()
                    ? "a confidential client needs a secret hash" : "a public client has no secret");
        }
    }

    /**
     * Registers a client from validated metadata. {@code secretHash} must be present exactly when the metadata
     * asks for a confidential auth method.
     */
    public static Client register(ClientId id, ClientMetadata metadata, Optional<TokenHash> secretHash, Instant now) {
        return new Client(id, metadata.name(), metadata.redirectUris(), metadata.grantTypes(), metadata.authMethod(),
                secretHash, metadata.scopeCeiling(), metadata.clientUri(), metadata.logoUri(),
                metadata.applicationType(), now, Optional.empty());
    }

    /**
     * A client identified by its metadata document (a client ID URL). Its metadata is resolved, not registered:
     * nothing here is the client's own unchecked claim about who it is, since the document lives at the URL that
     * is its id. It is a public client ({@code none} + PKCE).
     *
     * <p>Rule {@code metadataDocumentClientsMayRefresh}: such a client may use refresh tokens even if its
     * document lists only {@code authorization_code}. Faultline issues a (rotating, reuse-detecting) refresh
     * token on every code exchange; the spec's own example document lists only {@code authorization_code}, and
     * refusing would make every such person consent again each hour.
     */
    public static Client fromMetadataDocument(ClientId url, ClientMetadata metadata, Instant now) {
        if (!url.isMetadataDocumentUrl() || metadata.authMethod() != ClientAuthMethod.NONE) {
            throw new IllegalArgumentException("a metadata-document client has a client ID URL and is public");
        }
        Set<GrantType> grants = EnumSet.copyOf(metadata.grantTypes());
        grants.add(GrantType.REFRESH_TOKEN);
        return new Client(url, metadata.name(), metadata.redirectUris(), grants, ClientAuthMethod.NONE,
                Optional.empty(), metadata.scopeCeiling(), metadata.clientUri(), metadata.logoUri(),
                metadata.applicationType(), now, Optional.empty());
    }

    /** The host of the client ID URL, for a client identified by its metadata document. */
    public Optional<String> verifiedOrigin() {
        return id.urlHost();
    }

    /**
     * Every redirect URI is loopback http: any program on the person's computer could listen there and claim to
     * be this client, so the consent page warns.
     */
    public boolean redirectsOnlyToLoopback() {
        return redirectUris.stream().allMatch(RedirectUri::isLoopbackHttp);
    }

    public boolean isConfidential() {
        return authMethod.isConfidential();
    }

    /**
     * A client that registered itself through the anonymous registration endpoint: its name and logo are claims
     * nobody checked, which the consent page must say. A metadata-document client is identified by its URL's host
     * instead.
     */
    public boolean isSelfRegistered() {
        return !id.isMetadataDocumentUrl();
    }

    public boolean allows(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    /** The registered URI that {@code presented} matches (exact; loopback http with any port), if any. */
    public Optional<RedirectUri> registeredRedirectUri(String presented) {
        return redirectUris.stream().filter(uri -> uri.matches(presented)).findFirst();
    }

    public static String redirectUriNotRegistered(String presented) {
        return "redirect_uri \"" + presented + "\" is not registered for this client";
    }

    /** What the consent page shows as "you will be sent to": the host of the first redirect URI. */
    public String redirectHost() {
        return redirectUris.get(0).displayHost();
    }

    /**
     * A client nobody ever authorized, registered longer than {@code ttl} ago: anonymous registration is open,
     * so such clients are purged rather than kept forever.
     */
    public boolean isAbandoned(Instant now, Duration ttl) {
        return firstAuthorizedAt.isEmpty() && registeredAt.plus(ttl).isBefore(now);
    }

    /** Records the first time a user approved this client; later approvals keep the first time. */
    public Client authorizedAt(Instant now) {
        if (firstAuthorizedAt.isPresent()) {
            return this;
        }
        return new Client(id, name, redirectUris, grantTypes, authMethod, secretHash, scopeCeiling, clientUri,
                logoUri, applicationType, registeredAt, Optional.of(now));
    }

    /**
     * Checks how the client authenticated against how it registered. The secret is compared by hash in
     * constant time.
     */
    public ClientAuthentication authenticate(ClientCredentials credentials) {
        if (!id.equals(credentials.clientId())) {
            return new ClientAuthentication.Refused("credentials are for another client");
        }
        ClientAuthMethod methodUsed = credentials.methodUsed();
        if (methodUsed != authMethod) {
            return new ClientAuthentication.Refused("client is registered for " + authMethod.wireName()
                    + " authentication but used " + methodUsed.wireName());
        }
        // The method is the registered one: a public client (none) has nothing more to show, a confidential one
        // its secret.
        return credentials.fold(
                publicClient -> new ClientAuthentication.Authenticated(this),
                basic -> authenticateSecret(basic.presentedSecret()),
                post -> authenticateSecret(post.presentedSecret()));
    }

    private ClientAuthentication authenticateSecret(String presentedSecret) {
        if (presentedSecret.isEmpty()) {
            return new ClientAuthentication.Refused("client_secret is required for this client");
        }
        // Hash even when the secret is obviously malformed, so timing does not tell the two apart.
        boolean matches = secretHash.orElseThrow().matches(TokenHash.of(presentedSecret));
        return matches
                ? new ClientAuthentication.Authenticated(this)
                : new ClientAuthentication.Refused("client authentication failed: wrong client_secret");
    }
}
