package dev.faultline.adapters.pages;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Responses of the pages: HTML with an explicit status. */
final class Pages {
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    private Pages() {
    }

    static Response.ResponseBuilder html(int status, PageView view) {
        return Response.status(status).type(HTML).entity(view);
    }

    /** A form post without the right anti-forgery token: refused, nothing changed. */
    static Response forbidden() {
        return html(403, new ErrorView("This form can't be accepted",
                "The form was not sent from a current Faultline page, so nothing was changed.",
                "Go back, reload the page and try again.")).build();
    }

    /** An authorization request the person cannot fix here, shown locally and never redirected. */
    static Response badAuthorizationRequest(String message) {
        return html(400, new ErrorView("This sign-in link can't be used", message,
                "Go back to the app that sent you here and start connecting again. If it keeps happening, the app"
                        + " may be misconfigured.")).build();
    }

    /**
     * An authorization request whose client metadata document this address may not have fetched now: shown
     * locally (the client is unverified), with {@code Retry-After}.
     */
    static Response tooManyClientMetadataFetches(String message, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return html(429, new ErrorView("Too many apps to look up from your network", message + ".",
                "Wait " + Math.max(1, (seconds + 59) / 60) + (seconds <= 60 ? " minute" : " minutes")
                        + " and start connecting again from the app."))
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
