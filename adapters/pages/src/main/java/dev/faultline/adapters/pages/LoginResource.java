package dev.faultline.adapters.pages;

import dev.faultline.adapters.http.transport.ClientAddress;
import dev.faultline.adapters.pages.session.LoginCsrf;
import dev.faultline.adapters.pages.session.SessionCookies;
import dev.faultline.application.access.port.in.EndBrowserSession;
import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.application.access.port.in.StartBrowserSession;
import dev.faultline.application.account.port.in.SignIn;
import dev.faultline.domain.account.RemoteAddress;
import dev.faultline.domain.shared.InvalidValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET/POST /login} and {@code POST /logout}. Signing in always starts a fresh server-side session (the
 * browser's previous one, if any, is ended: no session fixation); signing out ends it on every instance.
 */
@Path("/")
@PageResponse
public class LoginResource {
    static final String WRONG_CREDENTIALS = "E-mail or password is wrong.";
    static final String BUSY = "Faultline is busy checking other sign-ins right now, so your password was not checked."
            + " Wait a moment and try again.";

    private final SignIn signIn;
    private final StartBrowserSession startSession;
    private final ResolveBrowserSession resolveSession;
    private final EndBrowserSession endSession;
    private final SessionCookies cookies;
    private final String issuer;
    private final boolean trustForwardedFor;

    /** Counting failed sign-ins against the connection's remote address. */
    public LoginResource(SignIn signIn, StartBrowserSession startSession, ResolveBrowserSession resolveSession,
            EndBrowserSession endSession, SessionCookies cookies, String issuer) {
        this(signIn, startSession, resolveSession, endSession, cookies, issuer, false);
    }

    /**
     * @param trustForwardedFor count failed sign-ins against the address our one reverse proxy appended to
     *                          {@code X-Forwarded-For} (the {@code registration.trustForwardedFor} setting)
     */
    public LoginResource(SignIn signIn, StartBrowserSession startSession, ResolveBrowserSession resolveSession,
            EndBrowserSession endSession, SessionCookies cookies, String issuer, boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
        this.signIn = Objects.requireNonNull(signIn);
        this.startSession = Objects.requireNonNull(startSession);
        this.resolveSession = Objects.requireNonNull(resolveSession);
        this.endSession = Objects.requireNonNull(endSession);
        this.cookies = Objects.requireNonNull(cookies);
        this.issuer = Objects.requireNonNull(issuer);
    }

    /** Someone already signed in goes straight on to where the form would have taken them. */
    @GET
    @Path("login")
    public Response form(@QueryParam("return_to") String returnTo, @Context HttpHeaders headers) {
        if (resolveSession.resolve(cookies.sessionSecret(headers.getCookies()).orElse(null)).signedIn().isPresent()) {
            return Response.seeOther(here(ReturnTo.sanitize(returnTo))).build();
        }
        String csrf = cookies.loginCsrf(headers.getCookies()).filter(LoginCsrf::wellFormed).orElseGet(LoginCsrf::fresh);
        return Pages.html(200, new LoginView(csrf, ReturnTo.sanitize(returnTo), "", null))
                .header(HttpHeaders.SET_COOKIE, cookies.loginCsrfCookie(csrf))
                .build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("csrf") String csrf, @FormParam("return_to") String returnTo, @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        String cookieCsrf = cookies.loginCsrf(headers.getCookies()).orElse(null);
        if (!LoginCsrf.matches(cookieCsrf, csrf)) {
            return Pages.forbidden();
        }
        String destination = ReturnTo.sanitize(returnTo);
        SignIn.Command command;
        try {
            command = SignIn.Command.of(email, password,
                    new RemoteAddress(ClientAddress.of(request, trustForwardedFor)));
        } catch (InvalidValue e) {
            return again(400, csrf, destination, shownBack(email), e.getMessage() + ".");
        }
        return signIn.signIn(command).fold(
                signedIn -> {
                    StartBrowserSession.Started started = startSession.start(new StartBrowserSession.Command(
                            signedIn.userId(), cookies.sessionSecret(headers.getCookies())));
                    return Response.seeOther(here(destination))
                            .header(HttpHeaders.SET_COOKIE, cookies.startSession(started.secret(), started.expiresAt()))
                            .build();
                },
                invalid -> again(401, csrf, destination, email, WRONG_CREDENTIALS),
                throttled -> Pages.html(429, new LoginView(csrf, destination, email,
                                tooManyAttempts(throttled.retryAfter())))
                        .header(HttpHeaders.RETRY_AFTER, Math.max(1, throttled.retryAfter().toSeconds()))
                        .build(),
                fromAddress -> Pages.html(429, new LoginView(csrf, destination, email,
                                tooManyFromAddress(fromAddress.retryAfter())))
                        .header(HttpHeaders.RETRY_AFTER, Math.max(1, fromAddress.retryAfter().toSeconds()))
                        .build(),
                busy -> Pages.html(503, new LoginView(csrf, destination, email, BUSY))
                        .header(HttpHeaders.RETRY_AFTER, Math.max(1, busy.retryAfter().toSeconds()))
                        .build());
    }

    /**
     * A typed or bookmarked {@code /logout}: a GET must not change anything (a link or image could trigger it), so
     * it asks, with a form that carries the session's CSRF token.
     */
    @GET
    @Path("logout")
    public Response confirmSignOut(@Context HttpHeaders headers) {
        return resolveSession.resolve(cookies.sessionSecret(headers.getCookies()).orElse(null)).fold(
                signedIn -> Pages.html(200, new SignOutView(Navigation.of(signedIn))).build(),
                notSignedIn -> Response.seeOther(here("/login")).build());
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @FormParam("return_to") String returnTo,
            @Context HttpHeaders headers) {
        String secret = cookies.sessionSecret(headers.getCookies()).orElse(null);
        Optional<ResolveBrowserSession.Outcome.SignedIn> current = resolveSession.resolve(secret).signedIn();
        if (current.isPresent()) {
            if (!current.get().csrf().matches(csrf)) {
                return Pages.forbidden();
            }
            endSession.end(secret);
        }
        String destination = ReturnTo.sanitize(returnTo);
        String login = ReturnTo.HOME.equals(destination) ? "/login"
                : "/login?return_to=" + RedirectUris.encode(destination);
        return Response.seeOther(here(login))
                .header(HttpHeaders.SET_COOKIE, cookies.clearSession())
                .build();
    }

    private Response again(int status, String csrf, String returnTo, String email, String message) {
        return Pages.html(status, new LoginView(csrf, returnTo, email, message)).build();
    }

    /**
     * The typed address as the form shows it again after an error: not at all when it holds characters no
     * address can (a NUL or another control character, a lone surrogate), which have no business in a page.
     */
    static String shownBack(String email) {
        if (email == null) {
            return "";
        }
        boolean printable = email.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.SURROGATE || c == 0xFFFD);
        return printable ? email : "";
    }

    static String tooManyAttempts(Duration retryAfter) {
        return "Too many failed sign-ins for this address. Wait " + minutes(retryAfter) + " and try again.";
    }

    static String tooManyFromAddress(Duration retryAfter) {
        return "Too many failed sign-ins from your network, for any account. Wait " + minutes(retryAfter)
                + " and try again.";
    }

    private static String minutes(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** A path on this server as an absolute URL under the configured public base URL. */
    private URI here(String path) {
        return URI.create(issuer + path);
    }
}
