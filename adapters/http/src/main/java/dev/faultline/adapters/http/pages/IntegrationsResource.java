package dev.faultline.adapters.http.pages;

import dev.faultline.adapters.http.session.SessionCookies;
import dev.faultline.application.access.AccessPolicy;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.port.in.ListIntegrations;
import dev.faultline.application.access.port.in.ListPersonalTokens;
import dev.faultline.application.access.port.in.ListSecurityEvents;
import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.application.access.port.in.RevokeAllAccess;
import dev.faultline.application.access.port.in.RevokeIntegration;
import dev.faultline.application.access.port.in.RevokePersonalToken;
import dev.faultline.application.access.port.in.StartBrowserSession;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.PersonalTokenTitle;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * My Integrations ({@code /settings/integrations}): see and cut off every connection. Every change is a form post
 * that needs the session's CSRF token, changes nothing when refused, and ends in a redirect back to the page with
 * a fixed notice (post/redirect/get), except creating a personal token, whose answer is the one page that shows it.
 * A browser that is not signed in is sent to sign in first and changes nothing.
 */
@Path("/settings")
@PageResponse
public class IntegrationsResource {
    static final String PAGE = "/settings/integrations";

    private final ResolveBrowserSession resolveSession;
    private final ListIntegrations listIntegrations;
    private final RevokeIntegration revokeIntegration;
    private final ListPersonalTokens listTokens;
    private final CreatePersonalToken createToken;
    private final RevokePersonalToken revokeToken;
    private final ListSecurityEvents listSecurityEvents;
    private final RevokeAllAccess revokeAll;
    private final StartBrowserSession startSession;
    private final SessionCookies cookies;
    private final AccessPolicy policy;
    private final Clock clock;

    public IntegrationsResource(ResolveBrowserSession resolveSession, ListIntegrations listIntegrations,
            RevokeIntegration revokeIntegration, ListPersonalTokens listTokens, CreatePersonalToken createToken,
            RevokePersonalToken revokeToken, ListSecurityEvents listSecurityEvents, RevokeAllAccess revokeAll,
            StartBrowserSession startSession, SessionCookies cookies, AccessPolicy policy, Clock clock) {
        this.resolveSession = Objects.requireNonNull(resolveSession);
        this.listIntegrations = Objects.requireNonNull(listIntegrations);
        this.revokeIntegration = Objects.requireNonNull(revokeIntegration);
        this.listTokens = Objects.requireNonNull(listTokens);
        this.createToken = Objects.requireNonNull(createToken);
        this.revokeToken = Objects.requireNonNull(revokeToken);
        this.listSecurityEvents = Objects.requireNonNull(listSecurityEvents);
        this.revokeAll = Objects.requireNonNull(revokeAll);
        this.startSession = Objects.requireNonNull(startSession);
        this.cookies = Objects.requireNonNull(cookies);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    @GET
    @Path("integrations")
    public Response page(@Context HttpHeaders headers) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst();
        }
        Optional<String> notice = cookies.notice(headers.getCookies());
        Response.ResponseBuilder page = page(200, signedIn.get(),
                notice.flatMap(Notice::fromParameter).orElse(null), TokenForm.blank());
        if (notice.isPresent()) {
            page.header(HttpHeaders.SET_COOKIE, cookies.clearNotice());
        }
        return page.build();
    }

    @POST
    @Path("integrations/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeIntegration(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return change(form, headers, signedIn -> {
            UserId user = signedIn.user();
            Optional<ClientId> client = clientId(single(form, "client_id"));
            int revoked = client.map(id -> revokeIntegration.revoke(user, id).revokedChains()).orElse(0);
            return backWith(revoked > 0 ? Notice.INTEGRATION_REVOKED : Notice.NOTHING_TO_REVOKE);
        });
    }

    /** Asks first, saying how much will end: one click must not silently break every app and script. */
    @GET
    @Path("integrations/revoke-all")
    public Response confirmRevokeAll(@Context HttpHeaders headers) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst();
        }
        UserId user = signedIn.get().user();
        long activeTokens = listTokens.list(user).stream()
                .filter(token -> token.status() == ListPersonalTokens.PersonalTokenSummary.Status.ACTIVE).count();
        return Pages.html(200, new RevokeAllView(Navigation.of(signedIn.get()), listIntegrations.listFor(user).size(),
                activeTokens)).build();
    }

    @POST
    @Path("integrations/revoke-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeAll(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return change(form, headers, signedIn -> {
            if (!"yes".equals(single(form, "sign_out_other_browsers"))) {
                revokeAll.revokeAll(RevokeAllAccess.Command.appsAndTokens(signedIn.user()));
                return backWith(Notice.ALL_REVOKED);
            }
            // Every session ends, this one too: a copied cookie is this browser's cookie. Then this browser alone
            // gets a fresh session (new secret, new CSRF token), so the person stays on the page.
            revokeAll.revokeAll(RevokeAllAccess.Command.everything(signedIn.user()));
            StartBrowserSession.Started fresh = startSession.start(
                    new StartBrowserSession.Command(signedIn.user(), Optional.empty()));
            return Response.fromResponse(backWith(Notice.ALL_REVOKED_AND_SIGNED_OUT))
                    .header(HttpHeaders.SET_COOKIE, cookies.startSession(fresh.secret(), fresh.expiresAt()))
                    .build();
        });
    }

    @POST
    @Path("tokens/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return change(form, headers, signedIn -> {
            Optional<PersonalTokenId> id = tokenId(single(form, "token_id"));
            if (id.isEmpty()) {
                return backWith(Notice.TOKEN_NOT_FOUND);
            }
            RevokePersonalToken.Outcome outcome = revokeToken.revoke(signedIn.user(), id.get());
            if (outcome instanceof RevokePersonalToken.Outcome.Revoked) {
                return backWith(Notice.TOKEN_REVOKED);
            }
            return backWith(outcome instanceof RevokePersonalToken.Outcome.AlreadyRevoked
                    ? Notice.TOKEN_ALREADY_REVOKED : Notice.TOKEN_NOT_FOUND);
        });
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst();
        }
        if (!csrfMatches(signedIn.get(), form)) {
            return Pages.forbidden();
        }
        List<String> scopeValues = Optional.ofNullable(form.get("scope")).orElse(List.of());
        String title = single(form, "title");
        String expiry = single(form, "expires_in");
        TokenForm shown = validate(TokenForm.as(title, scopeValues.contains(Scope.READ.wireName()),
                scopeValues.contains(Scope.WRITE.wireName()), expiry), title, scopeValues, expiry);
        if (shown.hasErrors()) {
            return page(400, signedIn.get(), null, shown).build();
        }
        CreatePersonalToken.Command command = new CreatePersonalToken.Command(signedIn.get().user(),
                new PersonalTokenTitle(title), scopes(scopeValues),
                TokenForm.Expiry.fromValue(expiry).orElseThrow().lifetime().map(clock.instant()::plus));
        CreatePersonalToken.Created created = createToken.create(command);
        return Pages.html(200, new TokenCreatedView(Navigation.of(signedIn.get()), created, policy.mcpResource()))
                .build();
    }

    /** Field by field, so the person sees every problem at once. */
    private static TokenForm validate(TokenForm shown, String title, List<String> scopeValues, String expiry) {
        TokenForm checked = shown;
        try {
            new PersonalTokenTitle(title);
        } catch (InvalidValue e) {
            checked = checked.withTitleError(sentence(e.getMessage()));
        }
        if (scopeValues.isEmpty()) {
            checked = checked.withScopeError("Choose at least one permission.");
        } else {
            try {
                scopes(scopeValues);
            } catch (InvalidValue e) {
                checked = checked.withScopeError(sentence(e.getMessage()));
            }
        }
        if (TokenForm.Expiry.fromValue(expiry).isEmpty()) {
            checked = checked.withExpiryError("Choose when the token expires from the list.");
        }
        return checked;
    }

    private static Scopes scopes(List<String> values) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : values) {
            scopes.add(Scope.fromWireName(value).orElseThrow(() ->
                    new InvalidValue("scope", "unknown permission \"" + value + "\"")));
        }
        return new Scopes(scopes);
    }

    private interface Change {
        Response apply(ResolveBrowserSession.Outcome.SignedIn signedIn);
    }

    /** The common frame of every change: signed in, right CSRF token, then the change. */
    private Response change(MultivaluedMap<String, String> form, HttpHeaders headers, Change change) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst();
        }
        if (!csrfMatches(signedIn.get(), form)) {
            return Pages.forbidden();
        }
        return change.apply(signedIn.get());
    }

    private Response.ResponseBuilder page(int status, ResolveBrowserSession.Outcome.SignedIn signedIn, Notice notice,
            TokenForm form) {
        UserId user = signedIn.user();
        IntegrationsView view = new IntegrationsView(Navigation.of(signedIn), listIntegrations.listFor(user),
                listTokens.list(user), listSecurityEvents.listFor(user), notice, form, policy.mcpResource());
        return Pages.html(status, view);
    }

    private Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn(HttpHeaders headers) {
        ResolveBrowserSession.Outcome outcome = resolveSession.resolve(
                cookies.sessionSecret(headers.getCookies()).orElse(null));
        return outcome instanceof ResolveBrowserSession.Outcome.SignedIn signedIn ? Optional.of(signedIn)
                : Optional.empty();
    }

    private static boolean csrfMatches(ResolveBrowserSession.Outcome.SignedIn signedIn,
            MultivaluedMap<String, String> form) {
        String csrf = single(form, "csrf");
        return csrf != null && signedIn.csrf().matches(csrf);
    }

    /** The field's value if it was sent exactly once, else {@code null}. */
    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    private static Optional<ClientId> clientId(String value) {
        try {
            return Optional.of(new ClientId(value));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static Optional<PersonalTokenId> tokenId(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(PersonalTokenId.parse(value));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private Response backWith(Notice notice) {
        return Response.seeOther(URI.create(policy.issuer() + PAGE))
                .header(HttpHeaders.SET_COOKIE, cookies.noticeCookie(notice.parameter()))
                .build();
    }

    private Response signInFirst() {
        return Response.seeOther(URI.create(policy.issuer() + "/login?return_to=" + RedirectUris.encode(PAGE))).build();
    }
}
