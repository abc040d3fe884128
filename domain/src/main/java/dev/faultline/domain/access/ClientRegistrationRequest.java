package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Client metadata exactly as a client sent it to the registration endpoint (RFC 7591 §2), before any
 * validation. Absent values are {@code null} (or empty lists). {@link #validate()} applies the registration
 * rules and answers with the validated {@link ClientMetadata} or the RFC 7591 §3.2.2 error.
 */
public record ClientRegistrationRequest(
        String clientName,
        List<String> redirectUris,
        List<String> grantTypes,
        List<String> responseTypes,
        String tokenEndpointAuthMethod,
        String scope,
        String clientUri,
        String logoUri,
        String applicationType) {

    public static final int MAX_REDIRECT_URIS = 10;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_URI_LENGTH = 2000;
    public static final String UNNAMED = "Unnamed client";
    /** Registered when the request names no scope Faultline knows. */
    public static final Scopes DEFAULT_SCOPE = Scopes.READ_WRITE;

    public ClientRegistrationRequest {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
        responseTypes = responseTypes == null ? List.of() : List.copyOf(responseTypes);
    }

    /** The outcome of checking registration metadata. */
    public sealed interface Validation {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Accepted, R> accepted, Function<Refused, R> refused);

        record Accepted(ClientMetadata metadata) implements Validation {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Refused, R> refused) {
                return accepted.apply(this);
            }
        }

        record Refused(RegistrationError error, String description) implements Validation {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }

    public Validation validate() {
        if (redirectUris.isEmpty()) {
            return invalidRedirect("redirect_uris is required: at least one redirect URI must be registered");
        }
        if (redirectUris.size() > MAX_REDIRECT_URIS) {
            return invalidRedirect("at most " + MAX_REDIRECT_URIS + " redirect_uris may be registered");
        }
        // All or nothing: one unacceptable URI refuses the registration, naming every such URI. Registering only
        // the good ones would leave a client that believes the refused one works (the SDKs do not read back
        // redirect_uris) to fail later, at the authorization endpoint, on an error page.
        List<RedirectUri> uris = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String raw : redirectUris) {
            try {
                RedirectUri uri = RedirectUri.parse(raw);
                if (!uris.contains(uri)) {
                    uris.add(uri);
                }
            } catch (InvalidValue e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return invalidRedirect(String.join("; ", problems));
        }

        // Grant types Faultline does not offer are dropped, not refused (RFC 7591 §2: the server may replace
        // requested values; the response lists what was registered): older VS Code releases ask for the device code
        // grant besides authorization_code and refresh_token. Without authorization_code nothing is left to do.
        Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
        for (String raw : grantTypes.isEmpty() ? List.of(GrantType.AUTHORIZATION_CODE.wireName()) : grantTypes) {
            GrantType.fromWireName(raw).ifPresent(grants::add);
        }
        if (!grants.contains(GrantType.AUTHORIZATION_CODE)) {
            return invalidMetadata("grant_types must include authorization_code (" + String.join(", ", grantTypes)
                    + " requested); supported: authorization_code, refresh_token");
        }
        for (String raw : responseTypes.isEmpty() ? List.of("code") : responseTypes) {
            if (!"code".equals(raw)) {
                return invalidMetadata("response_type \"" + raw + "\" is not supported; supported: code");
            }
        }

        // RFC 7591 §2: "If unspecified or omitted, the default is client_secret_basic".
        ClientAuthMethod method = ClientAuthMethod.CLIENT_SECRET_BASIC;
        if (tokenEndpointAuthMethod != null) {
            Optional<ClientAuthMethod> parsed = ClientAuthMethod.fromWireName(tokenEndpointAuthMethod);
            if (parsed.isEmpty()) {
                return invalidMetadata("token_endpoint_auth_method \"" + tokenEndpointAuthMethod
                        + "\" is not supported; supported: none, client_secret_post, client_secret_basic");
            }
            method = parsed.get();
        }

        // Unknown scopes (openid, profile, offline_access, another server's names) are dropped, not refused: RFC
        // 7591 §2 lets the server replace requested values, and the response says what was registered.
        Scopes ceiling;
        try {
            ceiling = Scopes.parseKnown(scope).orElse(DEFAULT_SCOPE);
        } catch (InvalidValue e) {
            return invalidMetadata(e.getMessage());
        }

        // Checked before stripping: strip() would silently drop a leading or trailing U+001C-U+001F.
        if (clientName != null && clientName.chars().anyMatch(Character::isISOControl)) {
            return invalidMetadata("client_name must not contain control characters");
        }
        String name = clientName == null || clientName.isBlank() ? UNNAMED : clientName.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            return invalidMetadata("client_name must be at most " + MAX_NAME_LENGTH + " characters");
        }

        Optional<String> homeProblem = webUriProblem("client_uri", clientUri);
        if (homeProblem.isPresent()) {
            return invalidMetadata(homeProblem.get());
        }
        Optional<String> logoProblem = webUriProblem("logo_uri", logoUri);
        if (logoProblem.isPresent()) {
            return invalidMetadata(logoProblem.get());
        }

        ApplicationType type = ApplicationType.WEB;
        if (applicationType != null) {
            Optional<ApplicationType> parsed = ApplicationType.fromWireName(applicationType);
            if (parsed.isEmpty()) {
                return invalidMetadata("application_type \"" + applicationType + "\" is not supported; supported:"
                        + " web, native");
            }
            type = parsed.get();
        }
        return new Validation.Accepted(new ClientMetadata(name, uris, grants, method, ceiling,
                Optional.ofNullable(clientUri), Optional.ofNullable(logoUri), type));
    }

    /** client_uri and logo_uri are shown to people: only plain https links. */
    private static Optional<String> webUriProblem(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > MAX_URI_LENGTH) {
            return Optional.of(field + " must be at most " + MAX_URI_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.of(field + " \"" + value + "\" must be an https URL with a host and no user info");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(field + " \"" + value + "\" is not a valid URI");
        }
    }

    private static Validation invalidRedirect(String description) {
        return new Validation.Refused(RegistrationError.INVALID_REDIRECT_URI, description);
    }

    private static Validation invalidMetadata(String description) {
        return new Validation.Refused(RegistrationError.INVALID_CLIENT_METADATA, description);
    }
}
