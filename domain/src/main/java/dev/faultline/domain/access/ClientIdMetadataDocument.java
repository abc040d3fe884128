package dev.faultline.domain.access;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A Client ID Metadata Document as fetched from its client ID URL (draft-ietf-oauth-client-id-metadata-document),
 * before validation. The adapter that fetched it only reports what the JSON object said: its RFC 7591 members
 * ({@code registration}), the {@code client_id} member, which secret members were present and the member names of
 * every key in {@code jwks}. {@link #validate(ClientId)} decides whether the document may be used.
 */
public record ClientIdMetadataDocument(
        String clientId,
        ClientRegistrationRequest registration,
        boolean hasClientSecret,
        boolean hasClientSecretExpiresAt,
        Set<String> jwkMemberNames) {

    /** JWK members that only private (or symmetric) keys carry (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
    private static final Set<String> PRIVATE_JWK_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    public ClientIdMetadataDocument {
        Objects.requireNonNull(registration, "registration");
        jwkMemberNames = Set.copyOf(jwkMemberNames);
    }

    /** The outcome of checking a document against the URL it was fetched from. */
    public sealed interface Validation {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid);

        record Valid(ClientMetadata metadata) implements Validation {
            @Override
            public <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid) {
                return valid.apply(this);
            }
        }

        record Invalid(String reason) implements Validation {
            @Override
            public <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid) {
                return invalid.apply(this);
            }
        }
    }

    /**
     * The draft's MUSTs plus MCP's required members: {@code client_id} equal to the URL (simple string
     * comparison), {@code client_name} and {@code redirect_uris} present and valid, only the {@code none}
     * authentication method (absent means {@code none} here, not RFC 7591's client_secret_basic: a document is
     * public), no client secret and no private key material.
     */
    public Validation validate(ClientId url) {
        if (!url.isMetadataDocumentUrl()) {
            throw new IllegalArgumentException("not a client ID URL: " + url);
        }
        if (clientId == null) {
            return invalid("the document has no client_id");
        }
        if (!clientId.equals(url.value())) {
            return invalid("the document's client_id \"" + clientId + "\" is not the URL it was fetched from");
        }
        if (hasClientSecret || hasClientSecretExpiresAt) {
            return invalid("the document contains a client secret; a metadata document must not");
        }
        if (jwkMemberNames.stream().anyMatch(PRIVATE_JWK_MEMBERS::contains)) {
            return invalid("the document's jwks contains private key material");
        }
        String method = registration.tokenEndpointAuthMethod();
        if (method != null && !ClientAuthMethod.NONE.wireName().equals(method)) {
            return invalid("token_endpoint_auth_method \"" + method + "\" is not supported for metadata documents;"
                    + " only none");
        }
        if (registration.clientName() == null || registration.clientName().isBlank()) {
            return invalid("the document has no client_name");
        }
        if (registration.redirectUris().isEmpty()) {
            return invalid("the document has no redirect_uris");
        }
        ClientRegistrationRequest asPublic = new ClientRegistrationRequest(registration.clientName(),
                registration.redirectUris(), registration.grantTypes(), registration.responseTypes(),
                ClientAuthMethod.NONE.wireName(), registration.scope(), registration.clientUri(),
                registration.logoUri(), registration.applicationType());
        return asPublic.validate().fold(
                accepted -> new Validation.Valid(accepted.metadata()),
                refused -> invalid(refused.description()));
    }

    private static Validation invalid(String reason) {
        return new Validation.Invalid(reason);
    }
}
