package dev.faultline.adapters.pages;

import dev.faultline.adapters.pages.session.SessionCookies;
import dev.faultline.application.access.port.in.ResolveBrowserSession;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The frame every settings form shares: who is signed in, the session's CSRF token, and the way back to My
 * Integrations with a one-time notice (post/redirect/get). A browser that is not signed in is sent to sign in
 * first; a post without the right token is refused with 403. Either way nothing changes.
 */
public final class SettingsForms {
    private final ResolveBrowserSession resolveSession;
    private final SessionCookies cookies;
    private final String issuer;

    public SettingsForms(ResolveBrowserSession resolveSession, SessionCookies cookies, String issuer) {
        this.resolveSession = Objects.requireNonNull(resolveSession);
        this.cookies = Objects.requireNonNull(cookies);
        this.issuer = Objects.requireNonNull(issuer);
    }

    /** A change made on behalf of the signed-in person, after the checks. */
    interface Change {
        Response apply(ResolveBrowserSession.Outcome.SignedIn signedIn);
    }

    Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn(HttpHeaders headers) {
        return resolveSession.resolve(cookies.sessionSecret(headers.getCookies()).orElse(null)).signedIn();
    }

    /** Signed in, the right CSRF token, then the change. */
    Response change(MultivaluedMap<String, String> form, HttpHeaders headers, Change change) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst();
        }
        String csrf = single(form, "csrf");
        if (csrf == null || !signedIn.get().csrf().matches(csrf)) {
            return Pages.forbidden();
        }
        return change.apply(signedIn.get());
    }

    /** The field's value if it was sent exactly once, else {@code null}. */
    static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    /** Back to My Integrations, which shows {@code notice} once. */
    Response backWith(Notice notice) {
        return Response.seeOther(URI.create(issuer + IntegrationsResource.PAGE))
                .header(HttpHeaders.SET_COOKIE, cookies.noticeCookie(notice.parameter()))
                .build();
    }

    Response signInFirst() {
        return Response.seeOther(URI.create(issuer + "/login?return_to="
                + RedirectUris.encode(IntegrationsResource.PAGE))).build();
    }

    SessionCookies cookies() {
        return cookies;
    }

}
