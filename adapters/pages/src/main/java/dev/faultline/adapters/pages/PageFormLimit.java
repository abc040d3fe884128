package dev.faultline.adapters.pages;

import dev.faultline.adapters.http.transport.FormParameters;
import dev.faultline.adapters.http.transport.RequestBody;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Every form a page accepts is read here first, at most {@code maxBytes} of it, before Jersey parses a single
 * parameter and before any session or CSRF check: a body that declares more is refused at once, without reading it
 * (a client cannot hold a thread by trickling a huge body), and one that turns out longer while being read is
 * refused as soon as it passes the limit. Either way the answer is a 413 page and the connection is closed, since
 * the rest of the body is never read. The forms are a few short fields; the default limit is far above them. A body
 * whose encoding is broken (a bad percent escape, bytes that are not UTF-8) gets a 400 page here too, instead of the
 * framework's JSON error when it fails to parse.
 */
@PageResponse
@Priority(Priorities.ENTITY_CODER)
public final class PageFormLimit implements ContainerRequestFilter {
    private final int maxBytes;

    public PageFormLimit(int maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("the form size limit must be at least 1024 bytes, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!carriesBody(request.getMethod())) {
            return;
        }
        if (RequestBody.declaredLengthExceeds(request.getHeaderString(HttpHeaders.CONTENT_LENGTH), maxBytes)) {
            request.abortWith(tooLarge());
            return;
        }
        Optional<byte[]> read = RequestBody.readAtMost(request.getEntityStream(), maxBytes);
        if (read.isEmpty()) {
            request.abortWith(tooLarge());
            return;
        }
        byte[] bytes = read.get();
        if (FormParameters.parse(bytes).fold(parsed -> false, malformed -> true)) {
            request.abortWith(Pages.html(400, new ErrorView("This form can't be read",
                    "The form was not sent the way a browser sends one (its encoding is broken), so nothing was read"
                            + " or changed.",
                    "Go back, reload the page and try again.")).build());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    private static boolean carriesBody(String method) {
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }

    private Response tooLarge() {
        return Pages.html(413, new ErrorView("This form is too large",
                        "Faultline's forms are at most " + maxBytes + " bytes, and this one was longer, so nothing was"
                                + " read or changed.",
                        "Go back, reload the page and try again."))
                .header("Connection", "close")
                .build();
    }
}
