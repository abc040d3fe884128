package dev.faultline.adapters.pages.session;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jakarta.ws.rs.core.Cookie;

/**
 * The browser cookies of the pages and how they are written: the session cookie (its secret), the
 * double-submit cookie that protects the sign-in form, which is posted before any session exists, and the
 * one-time notice a change leaves for the page it redirects to.
 *
 * <p>Both are {@code HttpOnly; SameSite=Lax; Path=/}. Behind an https issuer they are also {@code Secure} and
 * carry the {@code __Host-} prefix, which makes browsers refuse them unless Secure, host-only and Path=/, so a
 * sibling subdomain or a plain-http response cannot plant or overwrite them.
 */
public final class SessionCookies {
    public static final String SESSION = "faultline_session";
    public static final String LOGIN_CSRF = "faultline_csrf";
    public static final String NOTICE = "faultline_notice";
    private static final int NOTICE_SECONDS = 60;
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final boolean secure;

    public SessionCookies(boolean secure) {
        this.secure = secure;
    }

    /** Secure cookies exactly when the public base URL is https. */
    public static SessionCookies forIssuer(String issuer) {
        return new SessionCookies("https".equalsIgnoreCase(URI.create(Objects.requireNonNull(issuer)).getScheme()));
    }

    public boolean secure() {
        return secure;
    }

    public String sessionCookieName() {
        return named(SESSION);
    }

    public String loginCsrfCookieName() {
        return named(LOGIN_CSRF);
    }

    public Optional<String> sessionSecret(Map<String, Cookie> cookies) {
        return value(cookies, sessionCookieName());
    }

    public Optional<String> loginCsrf(Map<String, Cookie> cookies) {
        return value(cookies, loginCsrfCookieName());
    }

    public String noticeCookieName() {
        return named(NOTICE);
    }

    /** The one-time message a change left for the page it redirects to. */
    public Optional<String> notice(Map<String, Cookie> cookies) {
        return value(cookies, noticeCookieName());
    }

    /**
     * {@code Set-Cookie} value carrying a one-time message to the next page (post/redirect/get). A cookie and not
     * a query parameter, so that no link can make a page claim a change that never happened.
     */
    public String noticeCookie(String notice) {
        return header(noticeCookieName(), notice, "Max-Age=" + NOTICE_SECONDS);
    }

    /** {@code Set-Cookie} value that removes the message once shown. */
    public String clearNotice() {
        return header(noticeCookieName(), "", "Max-Age=0; Expires=" + EXPIRES.format(Instant.EPOCH));
    }

    /** {@code Set-Cookie} value for a new session; the browser drops it at the session's absolute end. */
    public String startSession(String secret, Instant expiresAt) {
        return header(sessionCookieName(), secret, "Expires=" + EXPIRES.format(expiresAt));
    }

    /** {@code Set-Cookie} value that removes the session cookie. */
    public String clearSession() {
        return header(sessionCookieName(), "", "Max-Age=0; Expires=" + EXPIRES.format(Instant.EPOCH));
    }

    /** {@code Set-Cookie} value for the sign-in form's double-submit token; lives as long as the browser. */
    public String loginCsrfCookie(String value) {
        return header(loginCsrfCookieName(), value, null);
    }

    private String named(String base) {
        return secure ? "__Host-" + base : base;
    }

    private String header(String name, String value, String lifetime) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/");
        if (lifetime != null) {
            cookie.append("; ").append(lifetime);
        }
        cookie.append("; HttpOnly; SameSite=Lax");
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    private static Optional<String> value(Map<String, Cookie> cookies, String name) {
        return Optional.ofNullable(cookies.get(name)).map(Cookie::getValue).filter(v -> !v.isEmpty());
    }
}
