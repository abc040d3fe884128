package dev.faultline.application.access;

import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.access.RedirectUri;
import dev.faultline.domain.access.ScopeOffer;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.RemoteAddress;
import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.Optional;

public class BeginAuthorizationService implements BeginAuthorization {
    private final ClientDirectory clients;
    private final AccessPolicy policy;

    public BeginAuthorizationService(Clients clients, AccessPolicy policy) {
        this(ClientDirectory.registeredOnly(clients), policy);
    }

    public BeginAuthorizationService(ClientDirectory clients, AccessPolicy policy) {
        this.clients = Objects.requireNonNull(clients);
        this.policy = Objects.requireNonNull(policy);
    }

    @Override
    public Outcome begin(Request request, RemoteAddress from) {
        // Until client and redirect URI are known good, nothing is sent anywhere (RFC 6749 §4.1.2.1).
        if (request.clientId() == null) {
            return new Outcome.ErrorPage("client_id is required");
        }
        Optional<ClientId> id = parseClientId(request.clientId());
        if (id.isEmpty()) {
            return new Outcome.ErrorPage(request.clientId().startsWith("https://")
                    ? urlProblem(request.clientId())
                    : "client_id \"" + request.clientId() + "\" is not a registered client");
        }
        return clients.find(id.get(), from).fold(
                found -> begin(found.client(), request),
                notFound -> new Outcome.ErrorPage(notFound.message()),
                tooMany -> new Outcome.TooManyFetches(tooMany.message(), tooMany.retryAfter()));
    }

    private Outcome begin(Client client, Request request) {
        if (request.redirectUri() == null) {
            return new Outcome.ErrorPage("redirect_uri is required");
        }
        Optional<RedirectUri> registered = client.registeredRedirectUri(request.redirectUri());
        if (registered.isEmpty()) {
            return new Outcome.ErrorPage(Client.redirectUriNotRegistered(request.redirectUri()));
        }

        String redirectUri = request.redirectUri();
        Optional<String> state = Optional.ofNullable(request.state());
        if (request.responseType() == null) {
            return error(redirectUri, AuthorizationResponse.Error.INVALID_REQUEST, "response_type is required", state);
        }
        if (!"code".equals(request.responseType())) {
            return error(redirectUri, AuthorizationResponse.Error.UNSUPPORTED_RESPONSE_TYPE,
                    "response_type \"" + request.responseType() + "\" is not supported; use code", state);
        }
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            return error(redirectUri, AuthorizationResponse.Error.UNAUTHORIZED_CLIENT,
                    "this client is not registered for the authorization_code grant", state);
        }
        if (request.codeChallenge() == null) {
            String what = request.codeChallengeMethod() == null
                    ? "code_challenge is required (PKCE with S256)"
                    : "code_challenge_method was sent without a code_challenge; PKCE with S256 is required";
            return error(redirectUri, AuthorizationResponse.Error.INVALID_REQUEST, what, state);
        }
        PkceChallenge challenge;
        try {
            challenge = PkceChallenge.of(request.codeChallenge(), request.codeChallengeMethod());
        } catch (InvalidValue e) {
            return error(redirectUri, AuthorizationResponse.Error.INVALID_REQUEST, e.getMessage(), state);
        }
        Scopes scopes;
        try {
            // offline_access and openid are accepted and ignored (Scopes.IGNORED_REQUEST_SCOPES); prompt is not read
            // at all, so prompt=consent (the MCP SDKs 2.x send it with offline_access) changes nothing: consent is
            // always asked.
            scopes = Scopes.parseRequested(request.scope()).orElse(Scopes.READ_ONLY);
        } catch (InvalidValue e) {
            return error(redirectUri, AuthorizationResponse.Error.INVALID_SCOPE, e.getMessage(), state);
        }
        // The scope a client registered is not a ceiling: anyone may register anonymously with every scope,
        // so a ceiling would protect nothing, while it would break MCP step-up (clients register with the
        // scope of the first challenge, mcp:read, and later ask for mcp:write). The person's consent to the
        // scopes shown on the consent page is what grants them.
        return policy.mcpResource().resolve(Optional.ofNullable(request.resource())).fold(
                served -> {
                    BeginAuthorization.ValidRequest valid = new BeginAuthorization.ValidRequest(client.id(),
                            redirectUri, scopes, served.resource(), challenge, state);
                    return new Outcome.ShowConsent(valid, client.name(), client.isSelfRegistered(),
                            registered.get().displayHost(), new ScopeOffer(scopes).choices(), client.verifiedOrigin(),
                            client.verifiedOrigin().isPresent() && client.redirectsOnlyToLoopback());
                },
                notServed -> error(redirectUri, AuthorizationResponse.Error.INVALID_TARGET, notServed.description(),
                        state));
    }

    private static String urlProblem(String raw) {
        try {
            new ClientId(raw);
            throw new IllegalStateException("a valid client ID URL");
        } catch (InvalidValue e) {
            return e.getMessage();
        }
    }

    static Optional<ClientId> parseClientId(String raw) {
        try {
            return Optional.of(new ClientId(raw));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static Outcome error(String redirectUri, AuthorizationResponse.Error error, String description,
            Optional<String> state) {
        return new Outcome.RedirectWithError(AuthorizationResponse.Redirect.withError(redirectUri, error, description, state));
    }
}
