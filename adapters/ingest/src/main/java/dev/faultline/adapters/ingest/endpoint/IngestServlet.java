package dev.faultline.adapters.ingest.endpoint;

import dev.faultline.adapters.ingest.protocol.IngestResponse;
import dev.faultline.adapters.ingest.protocol.Refusal;
import dev.faultline.adapters.ingest.protocol.UnsupportedCategories;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sentry ingest surface: {@code POST} and {@code OPTIONS} on {@code /api/{id}/envelope/} and
 * {@code /api/{id}/store/}. A plain servlet beside Jersey, not a Jersey resource, so none of the other surfaces'
 * filters, content negotiation or error pages ever touch it: any {@code Content-Type} (or none) is read as raw
 * bytes, any {@code Origin} is welcome, and no cookie, session or bearer token is looked at. Its security posture
 * is the public per-application key, the limits and the gate.
 */
public final class IngestServlet extends HttpServlet {
    /** The servlet's name, by which filters meant for other surfaces are kept off it. */
    public static final String NAME = "sentry-ingest";
    /** Where it is mapped. */
    public static final String MAPPING = "/api/*";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(IngestServlet.class);

    private final transient IngestPipeline pipeline;

    public IngestServlet(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<IngestRoute> route = IngestRoute.parse(request.getPathInfo());
        if (route.isEmpty()) {
            write(response, IngestResponse.notFound("no ingest endpoint here: Faultline takes events at"
                    + " /api/{project id}/envelope/ and /api/{project id}/store/"));
            return;
        }
        switch (request.getMethod()) {
            case "OPTIONS" -> write(response, IngestResponse.preflight());
            case "POST" -> post(route.get(), request, response);
            default -> write(response, IngestResponse.methodNotAllowed(request.getMethod()));
        }
    }

    private void post(IngestRoute route, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<IngestResponse> tooLarge = pipeline.refuseDeclaredLength(route, request.getContentLengthLong());
        if (tooLarge.isPresent()) {
            response.setHeader("Connection", "close");
            write(response, tooLarge.get());
            return;
        }
        IngestResponse answer;
        try {
            answer = pipeline.handle(new IngestRequest(route, request.getQueryString(),
                    request.getHeader("X-Sentry-Auth"), contentEncoding(request), request.getInputStream()));
        } catch (IOException connectionFailed) {
            // the client stopped sending mid-body: there is no one to answer, and nothing was stored
            // The client stopped sending mid-body (or its connection timed out): nothing was stored. Should it still
            // listen, it must not read a 200 into this.
            LOG.debug("ingest: the client's connection failed while sending: {}", connectionFailed.toString());
            response.setHeader("Connection", "close");
            if (!response.isCommitted()) {
                write(response, IngestResponse.refused(new Refusal.Malformed("the request body could not be read to"
                        + " its end; nothing was stored"), UnsupportedCategories.none()));
            }
            return;
        }
        write(response, answer);
    }

    /** Every {@code Content-Encoding} line, joined: two lines are two stacked encodings, refused like one "a, b". */
    private static String contentEncoding(HttpServletRequest request) {
        String joined = String.join(", ", Collections.list(request.getHeaders("Content-Encoding")));
        return joined.isEmpty() ? null : joined;
    }

    private static void write(HttpServletResponse response, IngestResponse answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        if (body.length > 0) {
            response.setContentType(IngestResponse.CONTENT_TYPE);
        }
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
