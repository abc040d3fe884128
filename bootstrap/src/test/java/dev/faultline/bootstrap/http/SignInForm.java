package dev.faultline.bootstrap.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-in form over real HTTP, posted as a browser would after loading {@code GET /login} (double-submit CSRF
 * cookie and field), with the e-mail field sent exactly as given: already percent-encoded, so a test can send
 * bytes no well-behaved encoder would produce. Each instance is one browser; its requests may run concurrently.
 */
final class SignInForm {
    private static final Pattern CSRF_COOKIE = Pattern.compile("faultline_csrf=([^;]+)");

    private final String base;
    private final HttpClient http;
    private final String csrf;

    SignInForm(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
        Matcher cookie = CSRF_COOKIE.matcher(form.headers().allValues("Set-Cookie").toString());
        if (!cookie.find()) {
            throw new AssertionError("GET /login set no CSRF cookie: " + form.headers().map());
        }
        this.csrf = cookie.group(1);
    }

    /** Signs in with a plain e-mail address (encoded here). */
    HttpResponse<String> signIn(String email, String password) {
        return signInRaw(encode(email), password, null);
    }

    /** Signs in with {@code rawEmail} put into the body as it is (it must already be percent-encoded). */
    HttpResponse<String> signInRaw(String rawEmail, String password, String returnTo) {
        return signInFrom(null, rawEmail, password, returnTo);
    }

    /** As {@link #signInRaw}, with the request appearing to come through a proxy that saw {@code forwardedFor}. */
    HttpResponse<String> signInFrom(String forwardedFor, String rawEmail, String password, String returnTo) {
        String body = "csrf=" + encode(csrf) + "&email=" + rawEmail + "&password=" + encode(password)
                + (returnTo == null ? "" : "&return_to=" + encode(returnTo));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "faultline_csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return send(request.build());
    }

    static String encode(String value) {
        return Http.encode(value);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(http, request);
    }
}
