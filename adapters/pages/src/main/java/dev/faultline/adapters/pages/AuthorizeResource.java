package dev.faultline.adapters.pages;

import dev.faultline.adapters.pages.session.SessionCookies;
import dev.faultline.application.access.port.in.ApproveAuthorization;
import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.DenyAuthorization;
import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.adapters.http.transport.ClientAddress;
import dev.faultline.domain.account.RemoteAddress;
import dev.faultline.domain.shared.InvalidValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorization endpoint (RFC 6749 §3.1) with its consent page. GET validates the request and shows the
 * consent page to a signed-in user (or sends the browser to sign in first); POST carries the user's decision,
 * and the request in the hidden fields is validated again from scratch, since anything in a form can be
 * changed. An unknown client or unregistered redirect URI is shown as a local error page, never redirected;
 * every redirect to the client carries {@code iss} (RFC 9207) and the client's {@code state}. A client ID URL
 * whose metadata document the requesting address may not have fetched now (its limit used up) gets a local
 * {@code 429} page with {@code Retry-After}; the address honours {@code trustForwardedFor} as sign-in does.
 */
@Path(AuthorizeResource.PATH)
@PageResponse
public class AuthorizeResource {
    static final String PATH = "/mcp/oauth/authorize";

    private final BeginAuthorization begin;
    private final ApproveAuthorization approve;
    private final DenyAuthorization deny;
    private final ResolveBrowserSession resolveSession;
    private final SessionCookies cookies;
    private final String issuer;
    private final boolean trustForwardedFor;

    public AuthorizeResource(BeginAuthorization begin, ApproveAuthorization approve, DenyAuthorization deny,
            ResolveBrowserSession resolveSession, SessionCookies cookies, String issuer,
            boolean trustForwardedFor) {
        this.begin = Objects.requireNonNull(begin);
        this.approve = Objects.requireNonNull(approve);
        this.deny = Objects.requireNonNull(deny);
        this.resolveSession = Objects.requireNonNull(resolveSession);
        this.cookies = Objects.requireNonNull(cookies);
        this.issuer = Objects.requireNonNull(issuer);
        this.trustForwardedFor = trustForwardedFor;
    }

    @GET
    public Response authorize(@Context UriInfo uri, @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        AuthorizationParameters parameters = AuthorizationParameters.from(uri.getQueryParameters());
        Validated validated = validate(parameters, 302, request);
        if (validated.response() != null) {
            return validated.response();
        }
        BeginAuthorization.Outcome.ShowConsent consent = validated.consent();
        Optional<ResolveBrowserSession.Outcome.SignedIn> session = resolveSession.resolve(sessionSecret(headers))
                .signedIn();
        if (session.isEmpty()) {
            return signInFirst(parameters);
        }
        ResolveBrowserSession.Outcome.SignedIn signedIn = session.get();
        ConsentView page = new ConsentView(DisplayText.of(consent.clientName()), consent.selfRegistered(),
                DisplayText.of(consent.redirectHost()),
                consent.scopeChoices().stream().map(ConsentView.ScopeChoice::new).toList(), signedIn.displayName().value(), signedIn.email().value(),
                signedIn.csrf().value(), parameters.hiddenFields(), parameters.authorizePath())
                .identifiedBy(consent.verifiedOrigin().map(DisplayText::of).orElse(null),
                        consent.loopbackOnlyWarning());
        return Pages.html(200, page)
                .header(PageSecurityHeaders.CONTENT_SECURITY_POLICY,
                        PageSecurityHeaders.withFormTargets(formTarget(consent.request().redirectUri())))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(MultivaluedMap<String, String> form, @Context HttpHeaders headers,
            @Context HttpServletRequest servletRequest) {
        AuthorizationParameters parameters = AuthorizationParameters.from(form);
        Optional<ResolveBrowserSession.Outcome.SignedIn> session = resolveSession.resolve(sessionSecret(headers))
                .signedIn();
        if (session.isEmpty()) {
            return signInFirst(parameters);
        }
        ResolveBrowserSession.Outcome.SignedIn signedIn = session.get();
        if (form.get("csrf") == null || form.get("csrf").size() != 1 || !signedIn.csrf().matches(form.getFirst("csrf"))) {
            return Pages.forbidden();
        }
        Validated validated = validate(parameters, 303, servletRequest);
        if (validated.response() != null) {
            return validated.response();
        }
        BeginAuthorization.ValidRequest request = validated.consent().request();
        String decision = form.get("decision") != null && form.get("decision").size() == 1 ? form.getFirst("decision") : "";
        AuthorizationResponse response;
        if ("approve".equals(decision)) {
            response = approve.approve(signedIn.user(), request, tickedScopes(form));
        } else if ("deny".equals(decision)) {
            response = deny.deny(request);
        } else {
            return Pages.html(400, new ErrorView("Choose Approve or Deny",
                    "The form did not say whether to approve or deny the request, so nothing was changed.",
                    "Go back, reload the page and press Approve or Deny.")).build();
        }
        return response.fold(
                to -> redirect(to.redirect(), 303),
                errorPage -> Pages.badAuthorizationRequest(errorPage.message()),
                refused -> Pages.html(400, new ErrorView("Choose what to allow",
                        refused.message() + " Nothing was allowed.",
                        "Go back, tick what the app may do and press Approve, or press Deny.")).build());
    }

    /** The scopes whose checkboxes were posted ticked ({@code grant:<scope>}), as the form names them. */
    private static List<String> tickedScopes(MultivaluedMap<String, String> form) {
        return form.keySet().stream().filter(name -> name.startsWith(ConsentView.ScopeChoice.FIELD_PREFIX))
                .map(name -> name.substring(ConsentView.ScopeChoice.FIELD_PREFIX.length())).sorted().toList();
    }

    /** Either a response to send now (error page or error redirect) or the consent to ask for. */
    private record Validated(Response response, BeginAuthorization.Outcome.ShowConsent consent) {
    }

    private Validated validate(AuthorizationParameters parameters, int redirectStatus, HttpServletRequest request) {
        if (parameters.repeatsClientOrRedirect()) {
            return new Validated(Pages.badAuthorizationRequest(parameters.repetitionProblem().orElseThrow()), null);
        }
        RemoteAddress from;
        try {
            from = new RemoteAddress(ClientAddress.of(request, trustForwardedFor));
        } catch (InvalidValue e) {
            return new Validated(Pages.badAuthorizationRequest(e.getMessage()), null);
        }
        return begin.begin(parameters.request(), from).fold(
                consent -> repetitionRefused(parameters, consent.request().redirectUri(), redirectStatus)
                        .orElseGet(() -> new Validated(null, consent)),
                error -> repetitionRefused(parameters, error.redirect().redirectUri(), redirectStatus)
                        .orElseGet(() -> new Validated(redirect(error.redirect(), redirectStatus), null)),
                page -> new Validated(Pages.badAuthorizationRequest(page.message()), null),
                tooMany -> new Validated(Pages.tooManyClientMetadataFetches(tooMany.message(), tooMany.retryAfter()),
                        null));
    }

    /**
     * A repeated parameter (other than client_id and redirect_uri, refused before) once the redirect URI is known:
     * an invalid_request error sent back to it.
     */
    private Optional<Validated> repetitionRefused(AuthorizationParameters parameters, String redirectUri,
            int redirectStatus) {
        return parameters.repetitionProblem().map(problem -> {
            Optional<String> state = parameters.repeated().contains("state") ? Optional.empty()
                    : Optional.ofNullable(parameters.request().state());
            return new Validated(redirect(AuthorizationResponse.Redirect.withError(redirectUri,
                    AuthorizationResponse.Error.INVALID_REQUEST, problem, state), redirectStatus), null);
        });
    }

    private Response redirect(AuthorizationResponse.Redirect redirect, int status) {
        Map<String, String> parameters = new LinkedHashMap<>(redirect.parameters());
        parameters.put("iss", issuer);
        return Response.status(status)
                .location(URI.create(RedirectUris.withParameters(redirect.redirectUri(), parameters)))
                .build();
    }

    private Response signInFirst(AuthorizationParameters parameters) {
        return Response.seeOther(URI.create(issuer + "/login?return_to="
                + RedirectUris.encode(parameters.authorizePath()))).build();
    }

    private String sessionSecret(HttpHeaders headers) {
        return cookies.sessionSecret(headers.getCookies()).orElse(null);
    }

    /**
     * The CSP source for where the Approve/Deny post will redirect: the redirect URI's origin, or its scheme for
     * a private-use scheme. Browsers check {@code form-action} against that redirect too.
     */
    static String formTarget(String redirectUri) {
        try {
            URI uri = new URI(redirectUri);
            String scheme = uri.getScheme();
            if (scheme == null || !scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                return "";
            }
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                return scheme.toLowerCase(java.util.Locale.ROOT) + ":";
            }
            String host = uri.getHost();
            if (host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                return "";
            }
            return scheme.toLowerCase(java.util.Locale.ROOT) + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
